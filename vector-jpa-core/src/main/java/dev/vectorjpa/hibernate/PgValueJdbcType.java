package dev.vectorjpa.hibernate;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

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
 * A JDBC type for a pgvector value class that is bound as a pgvector-java object, written with a cast to its SQL type
 * and read back from the server's text form; {@link PgVectorJdbcType}, {@link PgBitJdbcType} and
 * {@link PgSparseVectorJdbcType} differ only in these parameters.
 *
 * @param <V> the value class
 * @since 0.1
 */
abstract class PgValueJdbcType<V> implements JdbcType {

	private static final long serialVersionUID = 1L;

	private final int sqlTypeCode;

	private final Class<V> valueType;

	private final String castType;

	private final String friendlyName;

	PgValueJdbcType(int sqlTypeCode, Class<V> valueType, String castType, String friendlyName) {
		this.sqlTypeCode = sqlTypeCode;
		this.valueType = valueType;
		this.castType = castType;
		this.friendlyName = friendlyName;
	}

	/** The SQL literal text of a value, e.g. {@code 1011} or {@code {1:2}/5}. */
	abstract String literal(V value);

	/** The object handed to {@code setObject} (pgvector-java's type). */
	abstract Object bindValue(V value);

	/** The value of the server's text form. */
	abstract V parse(String text);

	/** Reads column {@code index} of the current row (null for SQL NULL); by default parses its text. */
	@Nullable V read(ResultSet rs, int index) throws SQLException {
		String text = rs.getString(index);
		return (text != null) ? parse(text) : null;
	}

	@Override
	public int getJdbcTypeCode() {
		return Types.OTHER;
	}

	@Override
	public int getDefaultSqlTypeCode() {
		return this.sqlTypeCode;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> JavaType<T> getJdbcRecommendedJavaTypeMapping(@Nullable Integer length, @Nullable Integer scale,
			TypeConfiguration typeConfiguration) {
		return (JavaType<T>) typeConfiguration.getJavaTypeRegistry().resolveDescriptor(this.valueType);
	}

	@Override
	public void appendWriteExpression(String writeExpression, @Nullable Size size, SqlAppender appender,
			Dialect dialect) {
		appender.append("cast(");
		appender.append(writeExpression);
		appender.append(" as " + this.castType + ")");
	}

	@Override
	public boolean isWriteExpressionTyped(Dialect dialect) {
		return true;
	}

	@Override
	public @Nullable String castFromPattern(JdbcMapping sourceMapping, @Nullable Size size) {
		return sourceMapping.getJdbcType().isStringLike() ? "cast(?1 as " + this.castType + ")" : null;
	}

	@Override
	public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
		return (appender, value, dialect, options) -> {
			appender.append("cast('");
			appender.append(literal(javaType.unwrap(value, this.valueType, options)));
			appender.append("' as " + this.castType + ")");
		};
	}

	@Override
	public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
		return new BasicBinder<>(javaType, this) {

			@Override
			protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
					throws SQLException {
				st.setObject(index, bindValue(javaType.unwrap(value, PgValueJdbcType.this.valueType, options)));
			}

			@Override
			protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
					throws SQLException {
				st.setObject(name, bindValue(javaType.unwrap(value, PgValueJdbcType.this.valueType, options)));
			}

		};
	}

	@Override
	public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
		return new BasicExtractor<>(javaType, this) {

			@Override
			protected @Nullable X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
				V value = read(rs, index);
				return (value != null) ? javaType.wrap(value, options) : null;
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

	private <X> @Nullable X wrap(JavaType<X> javaType, @Nullable String text, WrapperOptions options) {
		return (text != null) ? javaType.wrap(parse(text), options) : null;
	}

	@Override
	public String getFriendlyName() {
		return this.friendlyName;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName();
	}

}
