package dev.vectorjpa.embedding;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An entity with an identity id and a non-nullable embedded vector: embedded as it is persisted. */
@Entity
class Comment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	String text;

	@VectorColumn(dimensions = WordHashEmbedder.DIMENSIONS, embeddedFrom = "text")
	@Column(nullable = false)
	float[] embedding;

}
