package dev.vectorjpa.hibernate;

import dev.vectorjpa.Metric;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.vector.internal.VectorFunctionFactory;

/**
 * The HQL/Criteria distance function of each {@link Metric}: hibernate-vector's function names, rendered with the
 * metric's own operator ({@link Metric#operator()}), the form a pgvector index serves.
 *
 * @since 0.1
 */
public final class VectorDistanceFunctions {

	private VectorDistanceFunctions() {
	}

	/**
	 * The function whose value is {@code metric}'s operator distance: hibernate-vector's name for it (for inner
	 * product the negative one, {@code <#>}; {@code inner_product} is its negation, which no index serves).
	 */
	public static String name(Metric metric) {
		return switch (metric) {
			case COSINE -> "cosine_distance";
			case EUCLIDEAN -> "euclidean_distance";
			case INNER_PRODUCT -> "negative_inner_product";
			case L1 -> "l1_distance";
			case HAMMING -> "hamming_distance";
			case JACCARD -> "jaccard_distance";
		};
	}

	/** The SQL pattern of {@link #name(Metric)}: {@code (?1 <op> ?2)}. */
	static String pattern(Metric metric) {
		return "(?1" + metric.operator() + "?2)";
	}

	/**
	 * Registers every metric's function with the pattern derived from its operator, through hibernate-vector's own
	 * factory (same argument validation and type inference). hibernate-vector renders all but {@code l1_distance}
	 * (a function call no index serves) the same way already; deriving all six from {@link Metric} keeps the HQL
	 * functions, the Criteria helpers and the repositories' SQL on one operator table.
	 */
	static void register(FunctionContributions functionContributions) {
		VectorFunctionFactory factory = new VectorFunctionFactory(functionContributions);
		for (Metric metric : Metric.values()) {
			factory.registerVectorDistanceFunction(name(metric), pattern(metric));
		}
	}

}
