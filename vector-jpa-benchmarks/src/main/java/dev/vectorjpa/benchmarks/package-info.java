/**
 * The benchmark application: sections (ingest, query, recall, filtered, index build) writing docs/benchmarks.md.
 */
@NullMarked
package dev.vectorjpa.benchmarks;

import org.jspecify.annotations.NullMarked;
