package dev.vectorjpa.autoconfigure.mismatch;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A vector entity for the schema validation test.
 */
@Entity
@Table(name = "wrong_dimension")
public class WrongDimensionDocument {

	@Id
	private Long id;

	@VectorColumn
	@JdbcTypeCode(SqlTypes.VECTOR)
	@Array(length = 3)
	private float[] embedding;

}
