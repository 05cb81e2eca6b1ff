/**
 * Index management: creating, inspecting and dropping HNSW and IVFFlat indexes.
 */
@NullMarked
package dev.vectorjpa.index;

import org.jspecify.annotations.NullMarked;
