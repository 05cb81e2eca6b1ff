package dev.vectorjpa.repository;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Sparse and bit vectors: a sparsevec searched by inner product, the same bits searched by hamming and by jaccard.
 */
@Entity
@Table(name = "sparse_bit_item")
class SparseBitItem {

	static final int BITS = 32;

	@Id
	Long id;

	@VectorColumn(dimensions = Document.DIMENSIONS, type = VectorType.SPARSEVEC, metric = Metric.INNER_PRODUCT)
	SparseVector terms;

	@VectorColumn(dimensions = BITS, type = VectorType.BIT, metric = Metric.HAMMING)
	BitVector hamming;

	@VectorColumn(dimensions = BITS, type = VectorType.BIT, metric = Metric.JACCARD)
	BitVector jaccard;

	SparseBitItem() {
	}

}
