package dev.vectorjpa.hibernate;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import dev.vectorjpa.mapping.SparseVector;
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
 * The JDBC type of a {@link SparseVector} attribute stored as {@code sparsevec(n)}.
 * <p>
 * hibernate-vector maps {@code sparsevec} to its own {@code SparseFloatVector} collection type; ours is an immutable
 * value type, bound as pgvector-java's {@code PGsparsevec} and read with {@link VectorTextParser}. The type code
 * stays {@link SqlTypes#SPARSE_VECTOR_FLOAT32} so that hibernate-vector's DDL ({@code sparsevec($l)}) and functions
 * apply.
 *
 * @since 0.1
 */
public final class PgSparseVectorJdbcType implements JdbcType {

	/** The single instance. */
	public static final PgSparseVectorJdbcType INSTANCE = new PgSparseVectorJdbcType();

	private static final long serialVersionUID = 1L;

	private PgSparseVectorJdbcType() {
	}

	@Override
	public int getJdbcTypeCode() {
		return Types.OTHER;
	}

	@Override
	public int getDefaultSqlTypeCode() {
		return SqlTypes.SPARSE_VECTOR_FLOAT32;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> JavaType<T> getJdbcRecommendedJavaTypeMapping(@Nullable Integer length, @Nullable Integer scale,
			TypeConfiguration typeConfiguration) {
		return (JavaType<T>) typeConfiguration.getJavaTypeRegistry().resolveDescriptor(SparseVector.class);
	}

	@Override
	public void appendWriteExpression(String writeExpression, @Nullable Size size, SqlAppender appender,
			Dialect dialect) {
		appender.append("cast(");
		appender.append(writeExpression);
		appender.append(" as sparsevec)");
	}

	@Override
	public boolean isWriteExpressionTyped(Dialect dialect) {
		return true;
	}

	@Override
	public @Nullable String castFromPattern(JdbcMapping sourceMapping, @Nullable Size size) {
		return sourceMapping.getJdbcType().isStringLike() ? "cast(?1 as sparsevec)" : null;
	}

	@Override
	public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
		return (appender, value, dialect, options) -> {
			appender.append("cast('");
			appender.append(javaType.unwrap(value, SparseVector.class, options).toSqlLiteral());
			appender.append("' as sparsevec)");
		};
	}

	@Override
	public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
		return new BasicBinder<>(javaType, this) {

			@Override
			protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
					throws SQLException {
				st.setObject(index, javaType.unwrap(value, SparseVector.class, options).toPGsparsevec());
			}

			@Override
			protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
					throws SQLException {
				st.setObject(name, javaType.unwrap(value, SparseVector.class, options).toPGsparsevec());
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
		return (text != null) ? javaType.wrap(VectorTextParser.parseSparseVector(text), options) : null;
	}

	@Override
	public String getFriendlyName() {
		return "sparsevec";
	}

	@Override
	public String toString() {
		return "PgSparseVectorJdbcType";
	}

}
