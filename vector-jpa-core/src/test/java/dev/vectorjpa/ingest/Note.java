package dev.vectorjpa.ingest;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Ids from a pooled sequence: bulkInsert pre-allocates them. */
@Entity
class Note {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	Long id;

	String text;

	@VectorColumn(dimensions = 3)
	float[] embedding;

}
