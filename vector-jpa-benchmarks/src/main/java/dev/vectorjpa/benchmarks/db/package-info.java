/**
 * The shared benchmark database: pool, tables, binary COPY, index builds and SQL capture for EXPLAIN.
 */
@NullMarked
package dev.vectorjpa.benchmarks.db;

import org.jspecify.annotations.NullMarked;
