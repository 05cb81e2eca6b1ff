package dev.vectorjpa.hibernate;

import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A sparse column mapped to {@code float[]}: a start-up error.
 */
@Entity
class WrongJavaTypeDocument {

	@Id
	Long id;

	@VectorColumn(dimensions = 3, type = VectorType.SPARSEVEC)
	float[] embedding;

}
