package dev.vectorjpa.hibernate;

import dev.vectorjpa.mapping.SparseVector;
import org.hibernate.type.SqlTypes;

/**
 * The JDBC type of a {@link SparseVector} attribute stored as {@code sparsevec(n)}.
 * <p>
 * hibernate-vector maps {@code sparsevec} to its own {@code SparseFloatVector} collection type; ours is an immutable
 * value type, bound as pgvector-java's {@code PGsparsevec} and read with {@link VectorTextParser}. The type code
 * stays {@link SqlTypes#SPARSE_VECTOR_FLOAT32} so that hibernate-vector's DDL ({@code sparsevec($l)}) and functions
 * apply.
 *
 * @since 0.1
 */
public final class PgSparseVectorJdbcType extends PgValueJdbcType<SparseVector> {

	/** The single instance. */
	public static final PgSparseVectorJdbcType INSTANCE = new PgSparseVectorJdbcType();

	private static final long serialVersionUID = 1L;

	private PgSparseVectorJdbcType() {
		super(SqlTypes.SPARSE_VECTOR_FLOAT32, SparseVector.class, "sparsevec", "sparsevec");
	}

	@Override
	String literal(SparseVector value) {
		return value.toSqlLiteral();
	}

	@Override
	Object bindValue(SparseVector value) {
		return value.toPGsparsevec();
	}

	@Override
	SparseVector parse(String text) {
		return VectorTextParser.parseSparseVector(text);
	}

}
