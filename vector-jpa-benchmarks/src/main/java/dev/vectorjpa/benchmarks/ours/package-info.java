/**
 * vector-jpa as a competitor: entities, repositories and its Spring context.
 */
@NullMarked
package dev.vectorjpa.benchmarks.ours;

import org.jspecify.annotations.NullMarked;
