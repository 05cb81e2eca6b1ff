package dev.vectorjpa.hibernate;

import dev.vectorjpa.mapping.BitVector;
import org.hibernate.type.SqlTypes;

/**
 * The JDBC type of a {@link BitVector} attribute stored as {@code bit(n)}.
 * <p>
 * hibernate-vector maps {@code bit} to {@code byte[]}, which loses the bit length when it is not a multiple of 8;
 * ours binds pgvector-java's {@code PGbit} and reads PostgreSQL's bit-string text. The type code stays
 * {@link SqlTypes#VECTOR_BINARY} so that hibernate-vector's DDL ({@code bit($l)}) and functions apply. Writes cast to
 * {@code varbit}: {@code bit} without a length means {@code bit(1)} in a cast, while bit varying converts to the
 * column's {@code bit(n)} on assignment.
 *
 * @since 0.1
 */
public final class PgBitJdbcType extends PgValueJdbcType<BitVector> {

	/** The single instance. */
	public static final PgBitJdbcType INSTANCE = new PgBitJdbcType();

	private static final long serialVersionUID = 1L;

	private PgBitJdbcType() {
		super(SqlTypes.VECTOR_BINARY, BitVector.class, "varbit", "bit");
	}

	@Override
	String literal(BitVector value) {
		return value.toString();
	}

	@Override
	Object bindValue(BitVector value) {
		return value.toPGbit();
	}

	@Override
	BitVector parse(String text) {
		return BitVector.of(text);
	}

}
