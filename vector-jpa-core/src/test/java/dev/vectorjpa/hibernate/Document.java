package dev.vectorjpa.hibernate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The entity of the mapping documentation (docs/mapping.md): a required 384-dimension cosine vector.
 */
// tag::document[]
@Entity
@Table(name = "documents")
class Document {

	@Id
	Long id;

	String title;

	@VectorColumn(dimensions = 384, metric = Metric.COSINE)
	@VectorIndex(type = IndexType.HNSW, m = 16, efConstruction = 64)
	@Column(nullable = false)
	float[] embedding;

	// end::document[]
	Document() {
	}

	Document(Long id, String title, float[] embedding) {
		this.id = id;
		this.title = title;
		this.embedding = embedding;
	}
	// tag::document[]
}
// end::document[]
