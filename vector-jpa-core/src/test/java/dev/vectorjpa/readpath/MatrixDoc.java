package dev.vectorjpa.readpath;

import java.util.UUID;

import dev.vectorjpa.mapping.DomainId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The domain-scoped entity of the read-path matrix.
 */
@Entity
@Table(name = "matrix_docs")
public class MatrixDoc extends MatrixEntity {

	@DomainId
	private String domain;

	protected MatrixDoc() {
	}

	MatrixDoc(UUID id, String category, String color, float[] embedding) {
		super(id, category, color, embedding);
	}

	@Override
	public String domain() {
		return this.domain;
	}

}
