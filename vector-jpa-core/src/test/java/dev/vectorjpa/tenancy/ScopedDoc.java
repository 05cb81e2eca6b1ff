package dev.vectorjpa.tenancy;

import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A scoped entity with a vector and JSON metadata, for the vector-search side of the tenancy tests.
 */
@Entity(name = "ScopedDoc")
@Table(name = "scoped_docs")
public class ScopedDoc {

	@Id
	private UUID id;

	@DomainId
	private String domain;

	private String category;

	@FullText
	private String body;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> metadata;

	@VectorColumn(dimensions = 4)
	private float[] embedding;

	protected ScopedDoc() {
	}

	ScopedDoc(UUID id, String category, Map<String, Object> metadata, float[] embedding) {
		this.id = id;
		this.category = category;
		this.body = "a note about " + category;
		this.metadata = metadata;
		this.embedding = embedding;
	}

	public UUID getId() {
		return this.id;
	}

	public String getDomain() {
		return this.domain;
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

}
