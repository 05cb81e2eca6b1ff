package dev.vectorjpa.autoconfigure.app;

import java.util.UUID;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity whose vector dimension comes from {@code vector-jpa.dimensions}.
 */
@Entity
@Table(name = "starter_documents")
public class StarterDocument {

	@Id
	private UUID id;

	private String title;

	// No dimensions here: the column's vector(3) comes from vector-jpa.dimensions.
	@VectorColumn
	private float[] embedding;

	protected StarterDocument() {
	}

	public StarterDocument(UUID id, String title, float[] embedding) {
		this.id = id;
		this.title = title;
		this.embedding = embedding;
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
