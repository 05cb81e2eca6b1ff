package dev.vectorjpa.store;

import java.util.Locale;

/**
 * The eight logical columns of the reference schema.
 *
 * @since 0.1
 */
public enum StoreColumn {

	/** Primary key. */
	ID("id", "id"),
	/** The vector. */
	EMBEDDING("embedding", "embedding"),
	/** Source text. */
	CONTENT("content", "content"),
	/** JSONB metadata. */
	METADATA("metadata", "metadata"),
	/** Multi-tenant domain. */
	DOMAIN_ID("domain-id", "domain_id"),
	/** Source document reference. */
	DOCUMENT_ID("document-id", "document_id"),
	/** Chunk sequence number. */
	CHUNK_INDEX("chunk-index", "chunk_index"),
	/** Creation timestamp. */
	CREATED_AT("created-at", "created_at");

	private final String property;

	private final String defaultName;

	StoreColumn(String property, String defaultName) {
		this.property = property;
		this.defaultName = defaultName;
	}

	/** The key under {@code vector-jpa.store.columns}, e.g. {@code domain-id}. */
	public String propertyName() {
		return this.property;
	}

	/** The default column name, which is also the reference backend's logical name. */
	public String defaultName() {
		return this.defaultName;
	}

	/** Looks up a logical column by the reference name ({@code domain_id}) or property name ({@code domain-id}). */
	public static StoreColumn parse(String name) {
		String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
		for (StoreColumn column : values()) {
			if (column.defaultName.equals(normalized)) {
				return column;
			}
		}
		throw new IllegalArgumentException("Unknown logical column '" + name
				+ "'; expected id, embedding, content, metadata, domain_id, document_id, chunk_index or created_at");
	}

}
