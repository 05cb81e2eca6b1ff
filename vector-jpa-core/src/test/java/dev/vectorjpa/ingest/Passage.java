package dev.vectorjpa.ingest;

import java.util.UUID;

import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A passage for hybrid search. */
@Entity
class Passage {

	@Id
	UUID id;

	int topic;

	@FullText
	@Column(columnDefinition = "text")
	String text;

	@VectorColumn(dimensions = 16)
	float[] embedding;

}
