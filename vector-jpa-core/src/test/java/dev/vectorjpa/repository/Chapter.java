package dev.vectorjpa.repository;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/**
 * An entity with an embedded identifier, for criteria on the identifier's parts.
 */
@Entity
class Chapter {

	@EmbeddedId
	ChapterKey id;

	@VectorColumn(dimensions = Document.DIMENSIONS)
	float[] embedding;

	Chapter() {
	}

	Chapter(ChapterKey id, float[] embedding) {
		this.id = id;
		this.embedding = embedding;
	}

}
