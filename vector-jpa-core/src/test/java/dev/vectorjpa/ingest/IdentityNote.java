package dev.vectorjpa.ingest;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Ids from an identity column: bulkInsert cannot write them. */
@Entity
class IdentityNote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@VectorColumn(dimensions = 3)
	float[] embedding;

}
