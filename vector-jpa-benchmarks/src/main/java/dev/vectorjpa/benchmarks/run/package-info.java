/**
 * The measuring loop: searchers, ingesters, warm-up, timed runs, percentiles and allocation per query.
 */
@NullMarked
package dev.vectorjpa.benchmarks.run;

import org.jspecify.annotations.NullMarked;
