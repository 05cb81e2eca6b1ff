package dev.vectorjpa.hibernate;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import com.pgvector.PGhalfvec;
import com.pgvector.PGvector;
import dev.vectorjpa.mapping.VectorType;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC type of a {@code float[]} attribute stored as {@code vector(n)} or {@code halfvec(n)}.
 * <p>
 * Why not hibernate-vector's {@code PGVectorJdbcType}: it binds through a SQL array cast and reads the text form
 * with a general-purpose array parser, which is several times slower than raw JDBC for a 384-dimension row. This
 * type keeps hibernate-vector's type codes ({@link SqlTypes#VECTOR_FLOAT32}, {@link SqlTypes#VECTOR_FLOAT16}), so its
 * DDL registration ({@code vector($l)}, {@code halfvec($l)}) and its functions still apply, but binds pgvector-java's
 * {@link PGvector}/{@link PGhalfvec} and reads with {@link VectorTextParser}. It deliberately is not an
 * {@code ArrayJdbcType}: Hibernate replaces an array JDBC type given for a {@code float[]} attribute with the one
 * registered for its type code, which would bring hibernate-vector's slow reads back.
 *
 * @since 0.1
 */
public final class PgVectorJdbcType implements JdbcType {

	/** The {@code vector} type. */
	public static final PgVectorJdbcType VECTOR = new PgVectorJdbcType(VectorType.VECTOR);

	/** The {@code halfvec} type. */
	public static final PgVectorJdbcType HALFVEC = new PgVectorJdbcType(VectorType.HALFVEC);

	private static final long serialVersionUID = 1L;

	private final VectorType type;

	private PgVectorJdbcType(VectorType type) {
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
	public int getDefaultSqlTypeCode() {
		return (this.type == VectorType.VECTOR) ? SqlTypes.VECTOR_FLOAT32 : SqlTypes.VECTOR_FLOAT16;
	}

	@Override
	public int getJdbcTypeCode() {
		return Types.OTHER;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> JavaType<T> getJdbcRecommendedJavaTypeMapping(@Nullable Integer length, @Nullable Integer scale,
			TypeConfiguration typeConfiguration) {
		return (JavaType<T>) typeConfiguration.getJavaTypeRegistry().resolveDescriptor(float[].class);
	}

	@Override
	public void appendWriteExpression(String writeExpression, @Nullable Size size, SqlAppender appender,
			Dialect dialect) {
		appender.append("cast(");
		appender.append(writeExpression);
		appender.append(" as ");
		appender.append(this.type.sqlName());
		appender.append(')');
	}

	@Override
	public boolean isWriteExpressionTyped(Dialect dialect) {
		return true;
	}

	@Override
	public @Nullable String castFromPattern(JdbcMapping sourceMapping, @Nullable Size size) {
		return sourceMapping.getJdbcType().isStringLike() ? "cast(?1 as " + this.type.sqlName() + ")" : null;
	}

	@Override
	public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
		return (appender, value, dialect, options) -> {
			float[] vector = javaType.unwrap(value, float[].class, options);
			appender.append("cast('");
			appender.append(new PGvector(vector).getValue());
			appender.append("' as ");
			appender.append(this.type.sqlName());
			appender.append(')');
		};
	}

	@Override
	public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
		return new BasicBinder<>(javaType, this) {

			@Override
			protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
					throws SQLException {
				st.setObject(index, toPgObject(javaType.unwrap(value, float[].class, options)));
			}

			@Override
			protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
					throws SQLException {
				st.setObject(name, toPgObject(javaType.unwrap(value, float[].class, options)));
			}

		};
	}

	@Override
	public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
		return new BasicExtractor<>(javaType, this) {

			@Override
			protected @Nullable X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
				return wrap(javaType, rs.getString(index), options);
			}

			@Override
			protected @Nullable X doExtract(CallableStatement statement, int index, WrapperOptions options)
					throws SQLException {
				return wrap(javaType, statement.getString(index), options);
			}

			@Override
			protected @Nullable X doExtract(CallableStatement statement, String name, WrapperOptions options)
					throws SQLException {
				return wrap(javaType, statement.getString(name), options);
			}

		};
	}

	private Object toPgObject(float[] vector) {
		return (this.type == VectorType.VECTOR) ? new PGvector(vector) : new PGhalfvec(vector);
	}

	private static <X> @Nullable X wrap(JavaType<X> javaType, @Nullable String text, WrapperOptions options) {
		return (text != null) ? javaType.wrap(VectorTextParser.parseVector(text), options) : null;
	}

	@Override
	public String getFriendlyName() {
		return this.type.sqlName();
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
