package dev.vectorjpa.hibernate;

import java.sql.ResultSet;
import java.sql.SQLException;

import com.pgvector.PGvector;
import dev.vectorjpa.mapping.VectorType;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC type of a {@code float[]} attribute stored as {@code vector(n)} or {@code halfvec(n)}.
 * <p>
 * Why not hibernate-vector's {@code PGVectorJdbcType}: it binds through a SQL array cast and reads the text form
 * with a general-purpose array parser, which is several times slower than raw JDBC for a 384-dimension row. This
 * type keeps hibernate-vector's type codes ({@link SqlTypes#VECTOR_FLOAT32}, {@link SqlTypes#VECTOR_FLOAT16}), so its
 * DDL registration ({@code vector($l)}, {@code halfvec($l)}) and its functions still apply, but binds pgvector-java's
 * {@code PGvector} (binary where the connection sends vectors in binary, otherwise text written by
 * {@link VectorTextFormatter}, faster than {@code PGvector}'s own) and reads pgvector's binary form or the text with
 * {@link VectorTextParser}. It deliberately is not an
 * {@code ArrayJdbcType}: Hibernate replaces an array JDBC type given for a {@code float[]} attribute with the one
 * registered for its type code, which would bring hibernate-vector's slow reads back.
 *
 * @since 0.1
 */
public final class PgVectorJdbcType extends PgValueJdbcType<float[]> {

	/** The {@code vector} type. */
	public static final PgVectorJdbcType VECTOR = new PgVectorJdbcType(VectorType.VECTOR);

	/** The {@code halfvec} type. */
	public static final PgVectorJdbcType HALFVEC = new PgVectorJdbcType(VectorType.HALFVEC);

	private static final long serialVersionUID = 1L;

	private final VectorType type;

	private PgVectorJdbcType(VectorType type) {
		super((type == VectorType.VECTOR) ? SqlTypes.VECTOR_FLOAT32 : SqlTypes.VECTOR_FLOAT16, float[].class,
				type.sqlName(), type.sqlName());
		this.type = type;
	}

	/** The JDBC type for a dense column type ({@code VECTOR} or {@code HALFVEC}). */
	public static PgVectorJdbcType of(VectorType type) {
		return switch (type) {
			case VECTOR -> VECTOR;
			case HALFVEC -> HALFVEC;
			default -> throw new IllegalArgumentException(type + " is not a float[] column type");
		};
	}

	/** The pgvector column type. */
	public VectorType vectorType() {
		return this.type;
	}

	@Override
	String literal(float[] value) {
		return VectorTextFormatter.format(value);
	}

	@Override
	Object bindValue(float[] value) {
		// vector: binary where the connection sends vectors in binary, else the same text as halfvec's
		return (this.type == VectorType.VECTOR) ? new PgVectorParameter(value)
				: VectorTextFormatter.pgObject(this.type.sqlName(), value);
	}

	@Override
	float[] parse(String text) {
		return VectorTextParser.parseVector(text);
	}

	@Override
	float @Nullable [] read(ResultSet rs, int index) throws SQLException {
		if (this.type == VectorType.VECTOR) {
			return readVector(rs, index);
		}
		byte[] bytes = rs.getBytes(index);
		// halfvec arrives as text (pgvector-java has no binary halfvec); anything else is left to the driver's text
		return (bytes == null) ? null : (bytes.length > 0 && bytes[0] == '[') ? VectorTextParser.parseVector(bytes)
				: super.read(rs, index);
	}

	/**
	 * Reads a {@code vector} column of the current row from the bytes pgjdbc received, in text or binary form; null
	 * for SQL NULL.
	 */
	public static float @Nullable [] readVector(ResultSet rs, int index) throws SQLException {
		// pgjdbc hands out a text column's bytes as received: parsing them skips decoding a String of ~11 characters
		// per component (1536 dimensions, 10 rows per query: client CPU 3.3 -> 2.95 ms per query, 557 -> 365 KB)
		byte[] bytes = rs.getBytes(index);
		if (bytes == null) {
			return null;
		}
		if (bytes.length > 0 && bytes[0] != '[') {
			// pgvector's binary form (int16 dimensions, int16 unused, big-endian float4s): pgjdbc receives vectors in
			// binary once pgvector-java's PGvector.addVectorType registered the type on the connection (a common
			// setup, e.g. by LangChain4j on a shared pool) and the statement is server-prepared
			PGvector vector = new PGvector();
			vector.setByteValue(bytes, 0);
			return vector.toArray();
		}
		return VectorTextParser.parseVector(bytes);
	}

	@Override
	public String toString() {
		return "PgVectorJdbcType(" + this.type.sqlName() + ")";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof PgVectorJdbcType that && this.type == that.type;
	}

	@Override
	public int hashCode() {
		return this.type.hashCode();
	}

}
