package dev.vectorjpa.reliability;

import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A declared IVFFlat index, built once the table reaches min-rows. */
@Entity(name = "RelIvfDoc")
@Table(name = "rel_ivf_docs")
public class RelIvfDoc {

	@Id
	Long id;

	@VectorColumn(dimensions = 3)
	@VectorIndex(type = IndexType.IVFFLAT)
	float[] embedding;

	protected RelIvfDoc() {
	}

	RelIvfDoc(long id, float[] embedding) {
		this.id = id;
		this.embedding = embedding;
	}

}
