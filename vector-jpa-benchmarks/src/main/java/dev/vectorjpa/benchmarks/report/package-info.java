/**
 * The Markdown report and its PNG plots.
 */
@NullMarked
package dev.vectorjpa.benchmarks.report;

import org.jspecify.annotations.NullMarked;
