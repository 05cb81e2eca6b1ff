package dev.vectorjpa.sample.article;

import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A knowledge-base article with its embedding; the schema is managed by Liquibase (db/changelog).
 */
@Entity
@Table(name = "article")
public class Article {

	@Id
	private UUID id;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(nullable = false, length = 50)
	private String category;

	@FullText
	@Column(nullable = false, columnDefinition = "text")
	private String body;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Object> metadata;

	// dimensions and metric come from vector-jpa.dimensions / vector-jpa.metric in application.yml
	@VectorColumn
	@VectorIndex(type = IndexType.HNSW, m = 16, efConstruction = 64)
	@Column(nullable = false)
	private float[] embedding;

	protected Article() {
	}

	public Article(UUID id, String title, String category, String body, Map<String, Object> metadata,
			float[] embedding) {
		this.id = id;
		this.title = title;
		this.category = category;
		this.body = body;
		this.metadata = metadata;
		this.embedding = embedding;
	}

	public UUID getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getCategory() {
		return this.category;
	}

	public String getBody() {
		return this.body;
	}

	public Map<String, Object> getMetadata() {
		return this.metadata;
	}

	public float[] getEmbedding() {
		return this.embedding;
	}

}
