package dev.vectorjpa.hibernate;

import com.pgvector.PGbit;
import dev.vectorjpa.mapping.BitVector;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractClassJavaType;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's description of {@link BitVector}: immutable, compared by value, written as its bit string.
 *
 * @since 0.1
 */
public final class BitVectorJavaType extends AbstractClassJavaType<BitVector> {

	/** The single instance. */
	public static final BitVectorJavaType INSTANCE = new BitVectorJavaType();

	private static final long serialVersionUID = 1L;

	private BitVectorJavaType() {
		super(BitVector.class, ImmutableMutabilityPlan.instance());
	}

	@Override
	public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
		return PgBitJdbcType.INSTANCE;
	}

	@Override
	public String toString(BitVector value) {
		return value.toString();
	}

	@Override
	public BitVector fromString(CharSequence string) {
		return BitVector.of(string.toString());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <X> @Nullable X unwrap(@Nullable BitVector value, Class<X> type, WrapperOptions options) {
		if (value == null) {
			return null;
		}
		if (type.isInstance(value)) {
			return (X) value;
		}
		if (type == String.class) {
			return (X) value.toString();
		}
		if (type == PGbit.class) {
			return (X) value.toPGbit();
		}
		throw unknownUnwrap(type);
	}

	@Override
	public <X> @Nullable BitVector wrap(@Nullable X value, WrapperOptions options) {
		if (value == null) {
			return null;
		}
		if (value instanceof BitVector vector) {
			return vector;
		}
		if (value instanceof String text) {
			return BitVector.of(text);
		}
		if (value instanceof PGbit pg) {
			return BitVector.from(pg);
		}
		throw unknownWrap(value.getClass());
	}

}
