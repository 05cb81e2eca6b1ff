package dev.vectorjpa.hibernate;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.SpannerPostgreSQLDialect;
import org.hibernate.vector.internal.VectorFunctionFactory;

/**
 * Makes every HQL/Criteria distance function render pgvector's index-friendly operator on PostgreSQL.
 * <p>
 * hibernate-vector already renders {@code cosine_distance} ({@code <=>}), {@code euclidean_distance} /
 * {@code l2_distance} ({@code <->}), {@code negative_inner_product} ({@code <#>}), {@code inner_product}
 * ({@code (<#>)*-1}), {@code hamming_distance} ({@code <~>}) and {@code jaccard_distance} ({@code <%>}), but
 * {@code l1_distance} as the function call {@code l1_distance(a, b)}, which no index serves. This contributor runs
 * after it (higher ordinal) and re-registers {@code l1_distance} / {@code taxicab_distance} as {@code <+>}, reusing
 * hibernate-vector's own factory so that argument validation and type inference stay the same.
 *
 * @since 0.1
 */
public final class VectorFunctionContributor implements FunctionContributor {

	@Override
	public void contributeFunctions(FunctionContributions functionContributions) {
		if (functionContributions.getDialect() instanceof PostgreSQLDialect
				&& !(functionContributions.getDialect() instanceof SpannerPostgreSQLDialect)) {
			new VectorFunctionFactory(functionContributions).l1Distance("(?1<+>?2)");
		}
	}

	@Override
	public int ordinal() {
		// Applied in ascending order: after hibernate-vector (200), outside the range Hibernate reserves (0-500).
		return 600;
	}

}
