package dev.vectorjpa.mapping;

/**
 * The pgvector column type of a vector attribute.
 *
 * @since 0.1
 */
public enum VectorType {

	/** {@code vector(n)}: single-precision floats, mapped to {@code float[]}; indexable up to 2,000 dimensions. */
	VECTOR("vector", 16_000, 2_000),

	/** {@code halfvec(n)}: half-precision floats, mapped to {@code float[]}; indexable up to 4,000 dimensions. */
	HALFVEC("halfvec", 16_000, 4_000),

	/** {@code sparsevec(n)}: sparse vector, mapped to {@link SparseVector}; HNSW up to 1,000 non-zero elements. */
	SPARSEVEC("sparsevec", 1_000_000_000, 1_000_000_000),

	/** {@code bit(n)}: binary vector, mapped to {@link BitVector}; indexable up to 64,000 bits. */
	BIT("bit", 83_886_080, 64_000);

	/** The most non-zero elements a sparse vector may have to be stored in an HNSW index. */
	public static final int MAX_INDEXED_SPARSE_NON_ZERO = 1_000;

	private final String sqlName;

	private final int maxDimensions;

	private final int maxIndexedDimensions;

	VectorType(String sqlName, int maxDimensions, int maxIndexedDimensions) {
		this.sqlName = sqlName;
		this.maxDimensions = maxDimensions;
		this.maxIndexedDimensions = maxIndexedDimensions;
	}

	/** The SQL type name without dimensions, e.g. {@code halfvec}. */
	public String sqlName() {
		return this.sqlName;
	}

	/** The SQL type with its dimensions, e.g. {@code halfvec(384)}. */
	public String sqlType(int dimensions) {
		return this.sqlName + "(" + dimensions + ")";
	}

	/** The most dimensions a column of this type may have. */
	public int maxDimensions() {
		return this.maxDimensions;
	}

	/** The most dimensions an HNSW or IVFFlat index on this type accepts. */
	public int maxIndexedDimensions() {
		return this.maxIndexedDimensions;
	}

}
