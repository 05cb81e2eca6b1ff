package dev.vectorjpa.autoconfigure.replica;

import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A document read from the replica and written to the primary.
 */
@Entity
@Table(name = "replica_documents")
public class ReplicaDocument {

	@Id
	private UUID id;

	private String title;

	@VectorColumn(dimensions = 8)
	private float[] embedding;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> metadata;

	protected ReplicaDocument() {
	}

	public ReplicaDocument(UUID id, String title, float[] embedding) {
		this.id = id;
		this.title = title;
		this.embedding = embedding;
		this.metadata = Map.of("title", title);
	}

	public UUID getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public float[] getEmbedding() {
		return this.embedding;
	}

}
