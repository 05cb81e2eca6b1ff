/**
 * Liquibase column types {@code vector(n)}, {@code halfvec(n)}, {@code sparsevec(n)} and {@code bit(n)} for
 * PostgreSQL with pgvector.
 */
@NullMarked
package dev.vectorjpa.liquibase.datatype;

import org.jspecify.annotations.NullMarked;
