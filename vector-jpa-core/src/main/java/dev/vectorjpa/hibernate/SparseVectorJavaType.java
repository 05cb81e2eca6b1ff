package dev.vectorjpa.hibernate;

import com.pgvector.PGsparsevec;
import dev.vectorjpa.mapping.SparseVector;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractClassJavaType;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's description of {@link SparseVector}: immutable, compared by value, written as pgvector's text form.
 *
 * @since 0.1
 */
public final class SparseVectorJavaType extends AbstractClassJavaType<SparseVector> {

	/** The single instance. */
	public static final SparseVectorJavaType INSTANCE = new SparseVectorJavaType();

	private static final long serialVersionUID = 1L;

	private SparseVectorJavaType() {
		super(SparseVector.class, ImmutableMutabilityPlan.instance());
	}

	@Override
	public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
		return PgSparseVectorJdbcType.INSTANCE;
	}

	@Override
	public String toString(SparseVector value) {
		return value.toSqlLiteral();
	}

	@Override
	public SparseVector fromString(CharSequence string) {
		return VectorTextParser.parseSparseVector(string.toString());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <X> @Nullable X unwrap(@Nullable SparseVector value, Class<X> type, WrapperOptions options) {
		if (value == null) {
			return null;
		}
		if (type.isInstance(value)) {
			return (X) value;
		}
		if (type == String.class) {
			return (X) value.toSqlLiteral();
		}
		if (type == PGsparsevec.class) {
			return (X) value.toPGsparsevec();
		}
		throw unknownUnwrap(type);
	}

	@Override
	public <X> @Nullable SparseVector wrap(@Nullable X value, WrapperOptions options) {
		if (value == null) {
			return null;
		}
		if (value instanceof SparseVector vector) {
			return vector;
		}
		if (value instanceof String text) {
			return VectorTextParser.parseSparseVector(text);
		}
		if (value instanceof PGsparsevec pg) {
			return SparseVector.from(pg);
		}
		throw unknownWrap(value.getClass());
	}

}
