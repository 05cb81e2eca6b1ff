/**
 * Liquibase change types for pgvector ({@code createVectorExtension}, {@code createVectorIndex},
 * {@code dropVectorIndex}) in the {@code http://vectorjpa.dev/liquibase} namespace.
 */
@NullMarked
package dev.vectorjpa.liquibase;

import org.jspecify.annotations.NullMarked;
