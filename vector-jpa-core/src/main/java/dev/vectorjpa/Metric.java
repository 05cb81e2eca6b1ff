package dev.vectorjpa;

import java.util.Locale;

import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;

/**
 * A pgvector distance metric: its operator, the operator classes an index needs for it, and its similarity score.
 *
 * @since 0.1
 */
public enum Metric {

	/** Cosine distance {@code <=>}; score {@code 1 - d}. */
	COSINE("<=>", "cosine", "cosine_distance"),

	/** Euclidean (L2) distance {@code <->}; score {@code 1 / (1 + d)}. */
	EUCLIDEAN("<->", "l2", "l2_distance"),

	/** Negative inner product {@code <#>}; score is the inner product itself, {@code -d}. */
	INNER_PRODUCT("<#>", "ip", "inner_product"),

	/** Taxicab (L1) distance {@code <+>}; score {@code 1 / (1 + d)}. */
	L1("<+>", "l1", "l1_distance"),

	/** Hamming distance {@code <~>} between bit vectors; score {@code 1 - d / bits}. */
	HAMMING("<~>", "hamming", "hamming_distance"),

	/** Jaccard distance {@code <%>} between bit vectors; score {@code 1 - d}. */
	JACCARD("<%>", "jaccard", "jaccard_distance");

	private final String operator;

	private final String opsSuffix;

	private final String function;

	Metric(String operator, String opsSuffix, String function) {
		this.operator = operator;
		this.opsSuffix = opsSuffix;
		this.function = function;
	}

	/** The SQL distance operator, e.g. {@code <=>}. */
	public String operator() {
		return this.operator;
	}

	/** The pgvector SQL function computing the same distance (for inner product: the positive product). */
	public String function() {
		return this.function;
	}

	/** Whether this metric is defined for columns of {@code type}. */
	public boolean supports(VectorType type) {
		return switch (this) {
			case HAMMING, JACCARD -> type == VectorType.BIT;
			default -> type != VectorType.BIT;
		};
	}

	/** Whether pgvector can build an index of {@code indexType} for this metric on {@code type}. */
	public boolean supportsIndex(IndexType indexType, VectorType type) {
		if (!supports(type)) {
			return false;
		}
		return switch (indexType) {
			case NONE -> true;
			case HNSW -> true;
			case IVFFLAT -> type != VectorType.SPARSEVEC && this != L1 && this != JACCARD;
		};
	}

	/**
	 * The operator class an index on a {@code type} column must use for this metric's operator to be served by it.
	 * @throws IllegalArgumentException when pgvector has no such operator class
	 */
	public String operatorClass(VectorType type) {
		if (!supports(type)) {
			throw new IllegalArgumentException(
					"Metric " + this + " is not defined for " + type.sqlName() + " columns; use "
							+ ((type == VectorType.BIT) ? "HAMMING or JACCARD" : "COSINE, EUCLIDEAN, INNER_PRODUCT or L1"));
		}
		return type.sqlName() + "_" + this.opsSuffix + "_ops";
	}

	/** The metric an operator class serves; an {@link IllegalArgumentException} for one that is not pgvector's. */
	public static Metric fromOperatorClass(String operatorClass) {
		String name = operatorClass.toLowerCase(Locale.ROOT);
		for (Metric metric : values()) {
			if (name.endsWith("_" + metric.opsSuffix + "_ops")) {
				return metric;
			}
		}
		throw new IllegalArgumentException("Not a pgvector operator class: " + operatorClass);
	}

	/**
	 * Converts a distance returned by this metric's operator to a similarity score (higher is more similar).
	 * @param distance the operator's result
	 * @param dimensions the vector's dimension count (used by {@link #HAMMING} only)
	 */
	public double score(double distance, int dimensions) {
		return switch (this) {
			case COSINE, JACCARD -> 1.0 - distance;
			case EUCLIDEAN, L1 -> 1.0 / (1.0 + distance);
			case INNER_PRODUCT -> -distance;
			case HAMMING -> (dimensions > 0) ? 1.0 - distance / dimensions : -distance;
		};
	}

	/**
	 * Converts a similarity score back to the largest operator distance that reaches it (inverse of
	 * {@link #score(double, int)}), so that a score threshold can become an index-friendly {@code WHERE d <= ?}.
	 */
	public double distanceForScore(double score, int dimensions) {
		return switch (this) {
			case COSINE, JACCARD -> 1.0 - score;
			case EUCLIDEAN, L1 -> (score <= 0) ? Double.POSITIVE_INFINITY : 1.0 / score - 1.0;
			case INNER_PRODUCT -> -score;
			case HAMMING -> (1.0 - score) * dimensions;
		};
	}

	/** Parses a configuration value: enum name or the reference backend's spelling ({@code l2}, {@code ip}, ...). */
	public static Metric parse(String value) {
		String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		return switch (normalized) {
			case "L2", "EUCLIDEAN" -> EUCLIDEAN;
			case "IP", "INNER_PRODUCT", "DOT", "DOT_PRODUCT" -> INNER_PRODUCT;
			case "COSINE" -> COSINE;
			case "L1", "TAXICAB", "MANHATTAN" -> L1;
			case "HAMMING" -> HAMMING;
			case "JACCARD" -> JACCARD;
			default -> throw new IllegalArgumentException("Unknown metric '" + value
					+ "'; expected one of cosine, euclidean, inner_product, l1, hamming, jaccard");
		};
	}

}
