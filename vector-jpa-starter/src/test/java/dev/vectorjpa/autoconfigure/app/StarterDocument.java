package dev.vectorjpa.autoconfigure.app;

import java.util.UUID;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An entity whose vector dimension comes from {@code vector-jpa.dimensions}.
 */
@Entity
@Table(name = "starter_documents")
public class StarterDocument {

	@Id
	private UUID id;

	private String title;

	// TODO remove @JdbcTypeCode/@Array once the @VectorColumn type contributor is in core: the DDL's vector(3)
	// must then come from vector-jpa.dimensions alone.
	@VectorColumn
	@JdbcTypeCode(SqlTypes.VECTOR)
	@Array(length = 3)
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
