package dev.vectorjpa.index;

import java.util.Map;

import dev.vectorjpa.mapping.IndexType;

/**
 * An existing vector index as the catalog reports it.
 *
 * @param name index name
 * @param type HNSW or IVFFLAT
 * @param operatorClass the operator class, e.g. {@code vector_cosine_ops}
 * @param parameters storage parameters, e.g. {@code m=16}, {@code ef_construction=64}, {@code lists=100}
 * @param valid whether the index is valid (a failed {@code CONCURRENTLY} build leaves an invalid one)
 * @param sizeBytes on-disk size
 * @since 0.1
 */
public record IndexInfo(String name, IndexType type, String operatorClass, Map<String, String> parameters,
		boolean valid, long sizeBytes) {
}
