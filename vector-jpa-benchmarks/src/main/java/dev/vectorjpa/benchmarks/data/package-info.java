/**
 * Benchmark data sets (Fashion-MNIST, clustered synthetic), exact ground truth and ann-benchmarks recall.
 */
@NullMarked
package dev.vectorjpa.benchmarks.data;

import org.jspecify.annotations.NullMarked;
