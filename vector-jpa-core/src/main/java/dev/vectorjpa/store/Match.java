package dev.vectorjpa.store;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One search result of a {@link VectorStore}.
 *
 * @param id the row's id ({@link java.util.UUID} or {@link String}, per the configured id type)
 * @param score the similarity score converted from the distance by the metric (higher is more similar)
 * @param distance the metric operator's raw distance
 * @param metadata the row's metadata (empty when none)
 * @param content the row's content, or {@code null}
 * @since 0.1
 */
public record Match(Object id, double score, double distance, Map<String, Object> metadata,
		@Nullable String content) {
}
