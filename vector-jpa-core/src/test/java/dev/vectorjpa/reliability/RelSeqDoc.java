package dev.vectorjpa.reliability;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Ids from a sequence: bulkInsert copies in chunks. */
@Entity(name = "RelSeqDoc")
@Table(name = "rel_seq_docs")
public class RelSeqDoc {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	Long id;

	@VectorColumn(dimensions = 3)
	float[] embedding;

	protected RelSeqDoc() {
	}

	RelSeqDoc(float[] embedding) {
		this.embedding = embedding;
	}

}
