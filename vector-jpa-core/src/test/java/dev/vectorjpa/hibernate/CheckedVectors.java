package dev.vectorjpa.hibernate;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Attributes exercising every write check.
 */
@Entity
@Table(name = "checked_vectors")
class CheckedVectors {

	@Id
	Long id;

	@VectorColumn(dimensions = 384)
	@Column(nullable = false)
	float[] embedding;

	@VectorColumn(dimensions = 8, type = VectorType.HALFVEC)
	@Basic(optional = false)
	float[] half;

	@VectorColumn(dimensions = 10_000, type = VectorType.SPARSEVEC)
	@VectorIndex(type = IndexType.HNSW)
	SparseVector indexedSparse;

	@VectorColumn(dimensions = 10_000, type = VectorType.SPARSEVEC)
	SparseVector sparse;

	@VectorColumn(dimensions = 16, type = VectorType.BIT)
	BitVector bits;

	CheckedVectors() {
	}

	CheckedVectors(Long id, float[] embedding, float[] half) {
		this.id = id;
		this.embedding = embedding;
		this.half = half;
	}

}
