package dev.vectorjpa.autoconfigure.mismatch;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A vector entity for the schema validation test.
 */
@Entity
@Table(name = "wrong_dimension")
public class WrongDimensionDocument {

	@Id
	private Long id;

	@VectorColumn
	private float[] embedding;

}
