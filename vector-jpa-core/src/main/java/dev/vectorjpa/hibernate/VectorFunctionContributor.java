package dev.vectorjpa.hibernate;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.SpannerPostgreSQLDialect;

/**
 * Makes every HQL/Criteria distance function render pgvector's index-friendly operator on PostgreSQL, and
 * {@code avg}/{@code sum} accept vector attributes.
 * <p>
 * hibernate-vector already renders {@code cosine_distance} ({@code <=>}), {@code euclidean_distance} /
 * {@code l2_distance} ({@code <->}), {@code negative_inner_product} ({@code <#>}), {@code inner_product}
 * ({@code (<#>)*-1}), {@code hamming_distance} ({@code <~>}) and {@code jaccard_distance} ({@code <%>}), but
 * {@code l1_distance} as the function call {@code l1_distance(a, b)}, which no index serves. This contributor runs
 * after it (higher ordinal) and re-registers the distance functions from {@link dev.vectorjpa.Metric}'s operators
 * ({@link VectorDistanceFunctions}). {@code avg} and {@code sum} over vectors are installed later
 * ({@link VectorAggregateFunction}): the dialect registers its own after every contributor.
 *
 * @since 0.1
 */
public final class VectorFunctionContributor implements FunctionContributor {

	@Override
	public void contributeFunctions(FunctionContributions functionContributions) {
		if (appliesTo(functionContributions.getDialect())) {
			VectorDistanceFunctions.register(functionContributions);
		}
	}

	/** Whether vector-jpa's functions apply to {@code dialect}: PostgreSQL with pgvector. */
	static boolean appliesTo(Dialect dialect) {
		return dialect instanceof PostgreSQLDialect && !(dialect instanceof SpannerPostgreSQLDialect);
	}

	@Override
	public int ordinal() {
		// Applied in ascending order: after hibernate-vector (200), outside the range Hibernate reserves (0-500).
		return 600;
	}

}
