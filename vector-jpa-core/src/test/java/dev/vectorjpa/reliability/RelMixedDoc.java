package dev.vectorjpa.reliability;

import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A halfvec and a sparse vector, for the precision and finiteness checks. */
@Entity(name = "RelMixedDoc")
@Table(name = "rel_mixed_docs")
public class RelMixedDoc {

	@Id
	Long id;

	@VectorColumn(dimensions = 4, type = VectorType.HALFVEC)
	float[] half;

	@VectorColumn(dimensions = 8, type = VectorType.SPARSEVEC)
	SparseVector sparse;

	protected RelMixedDoc() {
	}

	RelMixedDoc(long id, float[] half, SparseVector sparse) {
		this.id = id;
		this.half = half;
		this.sparse = sparse;
	}

}
