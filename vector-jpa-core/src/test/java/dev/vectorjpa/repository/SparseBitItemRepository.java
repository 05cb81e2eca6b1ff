package dev.vectorjpa.repository;

import java.util.List;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;

interface SparseBitItemRepository extends VectorRepository<SparseBitItem, Long> {

	@NearestTo("terms")
	List<Nearest<SparseBitItem>> findNearestBy(SparseVector query, int k);

	@NearestTo("hamming")
	List<Nearest<SparseBitItem>> findNearestBy(BitVector query, int k);

	@NearestTo("jaccard")
	List<Nearest<SparseBitItem>> searchNearestBy(BitVector query, int k);

}
