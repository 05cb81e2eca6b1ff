/**
 * The entity-less vector store: the reference pgvector backend's API over a plain table, without an entity.
 */
@NullMarked
package dev.vectorjpa.store;

import org.jspecify.annotations.NullMarked;
