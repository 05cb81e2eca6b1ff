package dev.vectorjpa.store;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A vector read back by id from a {@link VectorStore}.
 *
 * @param id the row's id ({@link java.util.UUID} or {@link String}, per the configured id type)
 * @param vector the stored vector
 * @param metadata the row's metadata, or {@code null} when not requested
 * @since 0.1
 */
public record StoredVector(Object id, float[] vector, @Nullable Map<String, Object> metadata) {
}
