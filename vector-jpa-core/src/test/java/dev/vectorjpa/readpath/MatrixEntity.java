package dev.vectorjpa.readpath;

import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What the entities of the read-path matrix share: a category for derived criteria, a full-text body, JSON metadata
 * and a 4-dimensional cosine vector.
 */
@MappedSuperclass
public abstract class MatrixEntity {

	@Id
	private UUID id;

	private String category;

	@FullText
	private String body;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> metadata;

	@VectorColumn(dimensions = 4)
	private float[] embedding;

	protected MatrixEntity() {
	}

	protected MatrixEntity(UUID id, String category, String color, float[] embedding) {
		this.id = id;
		this.category = category;
		this.body = "a note about " + category;
		this.metadata = Map.of("color", color);
		this.embedding = embedding;
	}

	public UUID getId() {
		return this.id;
	}

	public String getCategory() {
		return this.category;
	}

	public Map<String, Object> getMetadata() {
		return this.metadata;
	}

	public float[] getEmbedding() {
		return this.embedding;
	}

	/** The domain the row belongs to, {@code null} for entities without one. */
	public abstract String domain();

}
