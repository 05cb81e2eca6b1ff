package dev.vectorjpa.hibernate;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One attribute of each vector type, at the largest dimensions the tests store.
 */
@Entity
@Table(name = "vector_rows")
class VectorRow {

	@Id
	Long id;

	@VectorColumn(dimensions = 2000)
	float[] embedding;

	@VectorColumn(dimensions = 4000, type = VectorType.HALFVEC)
	float[] half;

	@VectorColumn(dimensions = 1_000_000, type = VectorType.SPARSEVEC)
	SparseVector sparse;

	@VectorColumn(dimensions = 64_000, type = VectorType.BIT)
	BitVector bits;

	VectorRow() {
	}

	VectorRow(Long id) {
		this.id = id;
	}

}
