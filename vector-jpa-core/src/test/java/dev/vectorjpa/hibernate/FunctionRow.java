package dev.vectorjpa.hibernate;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One small attribute of each vector type, for distance functions.
 */
@Entity
@Table(name = "function_rows")
class FunctionRow {

	@Id
	Long id;

	@VectorColumn(dimensions = 8)
	float[] embedding;

	@VectorColumn(dimensions = 8, type = VectorType.HALFVEC)
	float[] half;

	@VectorColumn(dimensions = 8, type = VectorType.SPARSEVEC)
	SparseVector sparse;

	@VectorColumn(dimensions = 16, type = VectorType.BIT)
	BitVector bits;

}
