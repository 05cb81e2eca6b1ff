package dev.vectorjpa.reliability;

import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A domain-scoped document with an HNSW-indexed vector, text and JSON metadata. */
@Entity(name = "RelDoc")
@Table(name = "rel_docs")
public class RelDoc {

	@Id
	UUID id;

	@DomainId
	String domain;

	String category;

	@FullText
	String body;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> metadata;

	@VectorColumn(dimensions = 4)
	@VectorIndex(type = IndexType.HNSW)
	float[] embedding;

	protected RelDoc() {
	}

	RelDoc(UUID id, String category, float[] embedding) {
		this.id = id;
		this.category = category;
		this.body = "a note about " + category;
		this.metadata = Map.of("category", category);
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

	public float[] getEmbedding() {
		return this.embedding;
	}

}
