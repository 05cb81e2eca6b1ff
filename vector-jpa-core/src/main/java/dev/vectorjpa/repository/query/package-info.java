/**
 * Derivation of nearest-neighbour SQL from query method names, and its execution.
 */
@NullMarked
package dev.vectorjpa.repository.query;

import org.jspecify.annotations.NullMarked;
