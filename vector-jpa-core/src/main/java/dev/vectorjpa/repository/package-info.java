/**
 * Repository API: {@code VectorRepository}, search results, search options and metadata filters.
 */
@NullMarked
package dev.vectorjpa.repository;

import org.jspecify.annotations.NullMarked;
