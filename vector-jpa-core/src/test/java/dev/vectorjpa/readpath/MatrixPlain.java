package dev.vectorjpa.readpath;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The entity of the read-path matrix without a domain.
 */
@Entity
@Table(name = "matrix_plain")
public class MatrixPlain extends MatrixEntity {

	protected MatrixPlain() {
	}

	MatrixPlain(UUID id, String category, String color, float[] embedding) {
		super(id, category, color, embedding);
	}

	@Override
	public String domain() {
		return null;
	}

}
