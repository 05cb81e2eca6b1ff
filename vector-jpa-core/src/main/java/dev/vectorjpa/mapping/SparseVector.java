package dev.vectorjpa.mapping;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import com.pgvector.PGsparsevec;

/**
 * An immutable sparse vector, stored as pgvector's {@code sparsevec}. Indices are 0-based here (pgvector's text form
 * is 1-based) and kept in ascending order without zeros.
 *
 * @since 0.1
 */
public final class SparseVector {

	private final int dimensions;

	private final int[] indices;

	private final float[] values;

	private SparseVector(int dimensions, int[] indices, float[] values) {
		this.dimensions = dimensions;
		this.indices = indices;
		this.values = values;
	}

	/**
	 * A sparse vector from parallel arrays of 0-based indices and values (any order; zeros are dropped).
	 * @throws IllegalArgumentException for a negative dimension count, arrays of different lengths, an index out of
	 * range or repeated
	 */
	public static SparseVector of(int dimensions, int[] indices, float[] values) {
		if (indices == null || values == null) {
			throw new IllegalArgumentException("Sparse vector indices and values must not be null");
		}
		if (indices.length != values.length) {
			throw new IllegalArgumentException("Sparse vector has " + indices.length + " indices but "
					+ values.length + " values");
		}
		if (isCanonical(dimensions, indices, values)) {
			// Already ascending, in range and without zeros (as read from the database): no boxing, no sorting.
			return new SparseVector(dimensions, indices.clone(), values.clone());
		}
		TreeMap<Integer, Float> sorted = new TreeMap<>();
		for (int i = 0; i < indices.length; i++) {
			if (sorted.put(indices[i], values[i]) != null) {
				throw new IllegalArgumentException("Sparse vector index " + indices[i] + " appears twice");
			}
		}
		return of(dimensions, sorted);
	}

	private static boolean isCanonical(int dimensions, int[] indices, float[] values) {
		if (dimensions < 0) {
			return false;
		}
		int previous = -1;
		for (int i = 0; i < indices.length; i++) {
			if (indices[i] <= previous || indices[i] >= dimensions || values[i] == 0.0f) {
				return false;
			}
			previous = indices[i];
		}
		return true;
	}

	/**
	 * A sparse vector from its non-zero elements keyed by 0-based index (zeros are dropped).
	 * @throws IllegalArgumentException for a negative dimension count or an index out of range
	 */
	public static SparseVector of(int dimensions, Map<Integer, Float> nonZero) {
		if (dimensions < 0) {
			throw new IllegalArgumentException("Sparse vector dimensions must not be negative, got " + dimensions);
		}
		if (nonZero == null) {
			throw new IllegalArgumentException("Sparse vector elements must not be null");
		}
		TreeMap<Integer, Float> sorted = (nonZero instanceof TreeMap<Integer, Float> tree
				&& tree.comparator() == null) ? tree : new TreeMap<>(nonZero);
		int count = 0;
		for (Map.Entry<Integer, Float> entry : sorted.entrySet()) {
			int index = entry.getKey();
			if (index < 0 || index >= dimensions) {
				throw new IllegalArgumentException("Sparse vector index " + index + " is out of range [0, "
						+ dimensions + ")");
			}
			if (entry.getValue() == null) {
				throw new IllegalArgumentException("Sparse vector value at index " + index + " is null");
			}
			if (entry.getValue() != 0.0f) {
				count++;
			}
		}
		int[] indices = new int[count];
		float[] values = new float[count];
		int i = 0;
		for (Map.Entry<Integer, Float> entry : sorted.entrySet()) {
			if (entry.getValue() != 0.0f) {
				indices[i] = entry.getKey();
				values[i++] = entry.getValue();
			}
		}
		return new SparseVector(dimensions, indices, values);
	}

	/** A sparse vector holding the non-zero elements of a dense array. */
	public static SparseVector fromArray(float[] dense) {
		Map<Integer, Float> nonZero = new TreeMap<>();
		for (int i = 0; i < dense.length; i++) {
			if (dense[i] != 0.0f) {
				nonZero.put(i, dense[i]);
			}
		}
		return of(dense.length, nonZero);
	}

	/** Parses pgvector's text form, e.g. {@code {1:1.5,3:2}/5} (1-based indices). */
	public static SparseVector parse(String text) {
		try {
			int slash = text.lastIndexOf('/');
			int dimensions = Integer.parseInt(text.substring(slash + 1).trim());
			String body = text.substring(text.indexOf('{') + 1, text.lastIndexOf('}')).trim();
			Map<Integer, Float> nonZero = new TreeMap<>();
			if (!body.isEmpty()) {
				for (String element : body.split(",")) {
					int colon = element.indexOf(':');
					nonZero.put(Integer.parseInt(element.substring(0, colon).trim()) - 1,
							Float.parseFloat(element.substring(colon + 1).trim()));
				}
			}
			return of(dimensions, nonZero);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Not a sparsevec literal: '" + text + "'", ex);
		}
	}

	/** Converts pgvector-java's wire type. */
	public static SparseVector from(PGsparsevec value) {
		return of(value.getDimensions(), value.getIndices(), value.getValues());
	}

	/** Converts to pgvector-java's wire type. */
	public PGsparsevec toPGsparsevec() {
		Map<Integer, Float> nonZero = new TreeMap<>();
		for (int i = 0; i < this.indices.length; i++) {
			nonZero.put(this.indices[i], this.values[i]);
		}
		return new PGsparsevec(nonZero, this.dimensions);
	}

	/** Total number of dimensions. */
	public int dimensions() {
		return this.dimensions;
	}

	/** Number of non-zero elements. */
	public int nonZeroCount() {
		return this.indices.length;
	}

	/** The 0-based indices of the non-zero elements, ascending (a copy). */
	public int[] indices() {
		return this.indices.clone();
	}

	/** The non-zero values, in the order of {@link #indices()} (a copy). */
	public float[] values() {
		return this.values.clone();
	}

	/** The dense form of this vector. */
	public float[] toArray() {
		float[] dense = new float[this.dimensions];
		for (int i = 0; i < this.indices.length; i++) {
			dense[this.indices[i]] = this.values[i];
		}
		return dense;
	}

	/** pgvector's text form, e.g. {@code {1:1.5,3:2}/5} (1-based indices). */
	public String toSqlLiteral() {
		StringBuilder text = new StringBuilder(16 + this.indices.length * 12).append('{');
		for (int i = 0; i < this.indices.length; i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(this.indices[i] + 1).append(':').append(this.values[i]);
		}
		return text.append("}/").append(this.dimensions).toString();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SparseVector that && this.dimensions == that.dimensions
				&& Arrays.equals(this.indices, that.indices) && Arrays.equals(this.values, that.values));
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.dimensions + Arrays.hashCode(this.indices)) + Arrays.hashCode(this.values);
	}

	@Override
	public String toString() {
		return toSqlLiteral();
	}

}
