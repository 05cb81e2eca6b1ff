package dev.vectorjpa.filtered;

import java.util.UUID;

import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity whose vector index only holds the hot section's rows.
 */
@Entity(name = "SectionDoc")
@Table(name = "section_docs")
public class SectionDoc {

	@Id
	private UUID id;

	private String section;

	@VectorColumn(dimensions = 24)
	@VectorIndex(type = IndexType.HNSW, where = "section = 'database'")
	private float[] embedding;

	protected SectionDoc() {
	}

	SectionDoc(UUID id, String section, float[] embedding) {
		this.id = id;
		this.section = section;
		this.embedding = embedding;
	}

	public UUID getId() {
		return this.id;
	}

	public String getSection() {
		return this.section;
	}

	public float[] getEmbedding() {
		return this.embedding;
	}

}
