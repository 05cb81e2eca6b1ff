package dev.vectorjpa.hibernate;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;

/**
 * Checks a value against its {@link VectorAttribute} before it is written: dimension count, finite components,
 * sparse indices and non-zero count, and null where the column is NOT NULL.
 *
 * @since 0.1
 */
public final class VectorValueValidator {

	private VectorValueValidator() {
	}

	/**
	 * Checks {@code value} for {@code attribute}.
	 * @throws InvalidVectorException naming the attribute, what was expected and what was found
	 */
	public static void validate(VectorAttribute attribute, @Nullable Object value) {
		if (value == null) {
			if (!attribute.nullable()) {
				throw new InvalidVectorException(attribute.qualifiedName() + ": expected a " + attribute.sqlType()
						+ " value (the column is NOT NULL), got null");
			}
			return;
		}
		if (value instanceof float[] vector) {
			checkDimensions(attribute, vector.length);
			checkFinite(attribute, vector, null);
		}
		else if (value instanceof SparseVector sparse) {
			checkDimensions(attribute, sparse.dimensions());
			checkSparse(attribute, sparse);
		}
		else if (value instanceof BitVector bits) {
			checkDimensions(attribute, bits.length());
		}
		else {
			throw new InvalidVectorException(attribute.qualifiedName() + ": expected a vector value, got "
					+ value.getClass().getName());
		}
	}

	private static void checkDimensions(VectorAttribute attribute, int actual) {
		if (actual != attribute.dimensions()) {
			String unit = (attribute.type() == VectorType.BIT) ? " bits" : " dimensions";
			throw new InvalidVectorException(attribute.qualifiedName() + ": expected " + attribute.dimensions() + unit
					+ ", got " + actual);
		}
	}

	private static void checkSparse(VectorAttribute attribute, SparseVector sparse) {
		int[] indices = sparse.indices();
		for (int index : indices) {
			if (index < 0 || index >= attribute.dimensions()) {
				throw new InvalidVectorException(attribute.qualifiedName() + ": expected sparse indices in [0, "
						+ attribute.dimensions() + "), got " + index);
			}
		}
		checkFinite(attribute, sparse.values(), indices);
		if (attribute.hnswIndexed() && indices.length > VectorType.MAX_INDEXED_SPARSE_NON_ZERO) {
			throw new InvalidVectorException(attribute.qualifiedName() + ": expected at most "
					+ VectorType.MAX_INDEXED_SPARSE_NON_ZERO + " non-zero elements (HNSW index), got " + indices.length);
		}
	}

	private static void checkFinite(VectorAttribute attribute, float[] values, int @Nullable [] indices) {
		for (int i = 0; i < values.length; i++) {
			if (!Float.isFinite(values[i])) {
				int index = (indices != null) ? indices[i] : i;
				throw new InvalidVectorException(attribute.qualifiedName() + ": expected finite components, got "
						+ values[i] + " at index " + index);
			}
		}
	}

}
