package dev.vectorjpa.repository.query;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorTextFormatter;
import dev.vectorjpa.hibernate.VectorValueValidator;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Vector;

/**
 * Turns a query vector argument into pgvector's text form ({@link VectorTextFormatter} for dense vectors),
 * checking its dimensions against the searched attribute before any SQL is sent.
 *
 * @since 0.1
 */
public final class QueryVectors {

	private QueryVectors() {
	}

	/** Whether arguments of {@code type} can be the query vector of a search over a {@code vectorType} column. */
	public static boolean accepts(Class<?> type, VectorType vectorType) {
		return switch (vectorType) {
			case VECTOR, HALFVEC -> type == float[].class || Vector.class.isAssignableFrom(type)
					|| type == String.class;
			case SPARSEVEC -> type == SparseVector.class || type == float[].class
					|| Vector.class.isAssignableFrom(type);
			case BIT -> type == BitVector.class;
		};
	}

	/**
	 * The text to bind (cast to the column type in SQL) for {@code query}.
	 * @throws InvalidVectorException for null, a dimension mismatch or a non-finite component
	 */
	public static String toText(Object query, VectorAttribute attribute) {
		if (query == null) {
			throw new InvalidVectorException("The query vector for " + attribute.name() + " must not be null");
		}
		if (query instanceof BitVector bits) {
			checkDimensions(bits.length(), attribute);
			return bits.toPGbit().getValue();
		}
		if (query instanceof SparseVector sparse) {
			checkDimensions(sparse.dimensions(), attribute);
			checkComponents(sparse.values(), sparse.indices(), attribute);
			return sparse.toSqlLiteral();
		}
		float[] values = (query instanceof Vector vector) ? vector.toFloatArray() : (float[]) query;
		checkDimensions(values.length, attribute);
		checkComponents(values, null, attribute);
		return switch (attribute.type()) {
			case SPARSEVEC -> SparseVector.fromArray(values).toSqlLiteral();
			default -> VectorTextFormatter.format(values);
		};
	}

	/**
	 * The value to bind for {@code query}: the checked {@code float[]} for a {@code vector} column (bound as
	 * pgvector-java's binary-capable {@code PGvector}, see {@code PgVectorJdbcType}), else the text of
	 * {@link #toText}.
	 * @throws InvalidVectorException for null, a dimension mismatch or a non-finite component
	 */
	public static Object toBindValue(Object query, VectorAttribute attribute) {
		if (attribute.type() == VectorType.VECTOR && (query instanceof float[] || query instanceof Vector)) {
			float[] values = (query instanceof Vector vector) ? vector.toFloatArray() : (float[]) query;
			checkDimensions(values.length, attribute);
			checkComponents(values, null, attribute);
			return values;
		}
		return toText(query, attribute);
	}

	private static void checkComponents(float[] values, int @Nullable [] indices, VectorAttribute attribute) {
		for (int i = 0; i < values.length; i++) {
			int index = (indices != null) ? indices[i] : i;
			if (!Float.isFinite(values[i])) {
				throw new InvalidVectorException("The query vector for " + attribute.name() + " has a non-finite "
						+ "component at index " + index + ": " + values[i]);
			}
			if (attribute.type() == VectorType.HALFVEC && !VectorValueValidator.fitsHalfPrecision(values[i])) {
				throw new InvalidVectorException("The query vector for " + attribute.name() + " has a component "
						+ "outside half precision (±65504) at index " + index + ": " + values[i]);
			}
		}
	}

	private static void checkDimensions(int actual, VectorAttribute attribute) {
		if (actual != attribute.dimensions()) {
			throw new InvalidVectorException("The query vector has " + actual + " dimensions but "
					+ attribute.name() + " is " + attribute.sqlType());
		}
	}

}
