package dev.vectorjpa.hibernate;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import dev.vectorjpa.mapping.BitVector;
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
 * The JDBC type of a {@link BitVector} attribute stored as {@code bit(n)}.
 * <p>
 * hibernate-vector maps {@code bit} to {@code byte[]}, which loses the bit length when it is not a multiple of 8;
 * ours binds pgvector-java's {@code PGbit} and reads PostgreSQL's bit-string text. The type code stays
 * {@link SqlTypes#VECTOR_BINARY} so that hibernate-vector's DDL ({@code bit($l)}) and functions apply.
 *
 * @since 0.1
 */
public final class PgBitJdbcType implements JdbcType {

	/** The single instance. */
	public static final PgBitJdbcType INSTANCE = new PgBitJdbcType();

	private static final long serialVersionUID = 1L;

	private PgBitJdbcType() {
	}

	@Override
	public int getJdbcTypeCode() {
		return Types.OTHER;
	}

	@Override
	public int getDefaultSqlTypeCode() {
		return SqlTypes.VECTOR_BINARY;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> JavaType<T> getJdbcRecommendedJavaTypeMapping(@Nullable Integer length, @Nullable Integer scale,
			TypeConfiguration typeConfiguration) {
		return (JavaType<T>) typeConfiguration.getJavaTypeRegistry().resolveDescriptor(BitVector.class);
	}

	// bit without a length means bit(1) in a cast; bit varying converts to the column's bit(n) on assignment.
	@Override
	public void appendWriteExpression(String writeExpression, @Nullable Size size, SqlAppender appender,
			Dialect dialect) {
		appender.append("cast(");
		appender.append(writeExpression);
		appender.append(" as varbit)");
	}

	@Override
	public boolean isWriteExpressionTyped(Dialect dialect) {
		return true;
	}

	@Override
	public @Nullable String castFromPattern(JdbcMapping sourceMapping, @Nullable Size size) {
		return sourceMapping.getJdbcType().isStringLike() ? "cast(?1 as varbit)" : null;
	}

	@Override
	public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
		return (appender, value, dialect, options) -> {
			appender.append("cast('");
			appender.append(javaType.unwrap(value, BitVector.class, options).toString());
			appender.append("' as varbit)");
		};
	}

	@Override
	public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
		return new BasicBinder<>(javaType, this) {

			@Override
			protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
					throws SQLException {
				st.setObject(index, javaType.unwrap(value, BitVector.class, options).toPGbit());
			}

			@Override
			protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
					throws SQLException {
				st.setObject(name, javaType.unwrap(value, BitVector.class, options).toPGbit());
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

	private static <X> @Nullable X wrap(JavaType<X> javaType, @Nullable String text, WrapperOptions options) {
		return (text != null) ? javaType.wrap(BitVector.of(text), options) : null;
	}

	@Override
	public String getFriendlyName() {
		return "bit";
	}

	@Override
	public String toString() {
		return "PgBitJdbcType";
	}

}
