package dev.vectorjpa.store;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A vector to add to a {@link VectorStore} together with the optional columns of the reference schema: content,
 * source document and chunk number.
 *
 * @param id the id, or {@code null} to have one generated
 * @param vector the embedding
 * @param content the source text, or {@code null}
 * @param metadata the metadata (stored as {@code jsonb})
 * @param documentId the source document reference (at most 255 characters), or {@code null}
 * @param chunkIndex the chunk's position within the document, or {@code null}
 * @since 0.1
 */
public record VectorDocument(@Nullable Object id, float[] vector, @Nullable String content,
		Map<String, Object> metadata, @Nullable String documentId, @Nullable Integer chunkIndex) {

	/** Checks the vector and metadata are present. */
	public VectorDocument {
		if (vector == null) {
			throw new IllegalArgumentException("VectorDocument vector must not be null");
		}
		metadata = (metadata != null) ? metadata : Map.of();
	}

	/** A document holding just a vector. */
	public static VectorDocument of(float[] vector) {
		return new VectorDocument(null, vector, null, Map.of(), null, null);
	}

	/** A document holding a vector and its content. */
	public static VectorDocument of(float[] vector, String content) {
		return new VectorDocument(null, vector, content, Map.of(), null, null);
	}

	/** A copy with the given id. */
	public VectorDocument withId(@Nullable Object id) {
		return new VectorDocument(id, this.vector, this.content, this.metadata, this.documentId, this.chunkIndex);
	}

	/** A copy with the given content. */
	public VectorDocument withContent(@Nullable String content) {
		return new VectorDocument(this.id, this.vector, content, this.metadata, this.documentId, this.chunkIndex);
	}

	/** A copy with the given metadata. */
	public VectorDocument withMetadata(Map<String, Object> metadata) {
		return new VectorDocument(this.id, this.vector, this.content, metadata, this.documentId, this.chunkIndex);
	}

	/** A copy recording the source document and the chunk's position in it. */
	public VectorDocument withChunk(@Nullable String documentId, @Nullable Integer chunkIndex) {
		return new VectorDocument(this.id, this.vector, this.content, this.metadata, documentId, chunkIndex);
	}

}
