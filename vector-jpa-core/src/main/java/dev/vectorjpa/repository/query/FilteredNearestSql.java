package dev.vectorjpa.repository.query;

/**
 * The statements one call shape of a nearest query can run: through the vector index, exactly, or adaptively (a
 * bounded count of the filtered rows chooses between the two inside one statement). Rendered once per shape (derived
 * methods and inherited ones at start-up, metadata filters per rendered filter).
 * <p>
 * The adaptive form is one round trip:
 * <pre>
 * WITH vjpa_count AS MATERIALIZED (SELECT count(*) AS n [, set_config(...)]
 *         FROM (SELECT 1 FROM table t WHERE filter LIMIT :vjpa_bound) s)
 * SELECT r.*, c.n AS vjpa_matches FROM vjpa_count c LEFT JOIN (
 *     (SELECT ... WHERE condition AND (SELECT n FROM vjpa_count) &lt; :vjpa_bound ORDER BY (distance) + 0 LIMIT :k)
 *     UNION ALL
 *     (SELECT ... WHERE condition AND (SELECT n FROM vjpa_count) &gt;= :vjpa_bound ORDER BY distance LIMIT :k)) r
 *   ON true
 * </pre>
 * The outer join returns the count even when no row is found (one row without an entity), so a call always knows
 * which branch ran.
 * The count stops at {@code :vjpa_bound} rows, so it costs at most that many rows of the criteria's B-tree/GIN index
 * (or of a sequential scan). Each branch's comparison with the count holds no column, so PostgreSQL makes it a
 * one-time filter ({@code Result} node) that runs before the branch's scan starts: exactly one branch reads any rows.
 * The exact branch orders by {@code (distance) + 0}, which no approximate index can serve (the planner then uses the
 * criteria's index or a sequential scan and sorts the few rows): unlike {@code SET LOCAL enable_indexscan = off} this
 * needs no transaction, applies to this branch only and leaves the criteria's B-tree usable. The count's
 * {@code set_config(..., true)} turns on the iterative index scan for the index branch; it is evaluated before either
 * branch's scan starts (the one-time filters read the count first), lasts until the end of the transaction (just the
 * statement outside one) and is only rendered when the caller set no iterative scan mode itself.
 *
 * @param index the statement served by the vector index
 * @param exact the statement no approximate index serves
 * @param adaptive the adaptive statement, turning the iterative scan on
 * @param adaptiveAsConfigured the adaptive statement, leaving the iterative scan as configured
 * @param indexIterative the index statement turning the iterative scan on, without a count or an exact branch: for a
 * filter a recent count found to match many rows ({@link FilteredCountCache})
 * @param filtered whether criteria or an extra condition filter the rows (a scope may too, per call)
 * @param partialIndex whether a partial index holds exactly the rows the criteria select ({@link PartialIndexMatch})
 * @since 0.1
 */
public record FilteredNearestSql(String index, String exact, String adaptive, String adaptiveAsConfigured,
		String indexIterative, boolean filtered, boolean partialIndex) implements NearestSql.Text {

	/** Parameter holding the count at which the index replaces the exact scan. */
	public static final String BOUND_PARAMETER = "vjpa_bound";

	/** Result column of the adaptive statement holding the (bounded) number of filtered rows. */
	public static final String MATCHES_COLUMN = "vjpa_matches";

	// relaxed: pgvector's documented choice for filtering (strict order re-checks each batch); rows are re-sorted by
	// distance in Java. ivfflat has no strict mode.
	private static final String ITERATIVE_SCAN = ", set_config('hnsw.iterative_scan', 'relaxed_order', true) AS vjpa_h"
			+ ", set_config('ivfflat.iterative_scan', 'relaxed_order', true) AS vjpa_i";

	/** The statements of {@code nearest} as rendered. */
	public static FilteredNearestSql of(NearestSql nearest) {
		return of(nearest, "");
	}

	/** The statements of {@code nearest} with {@code extraCondition} (empty for none) ANDed to its condition. */
	public static FilteredNearestSql of(NearestSql nearest, String extraCondition) {
		return of(nearest, extraCondition, false);
	}

	/** The statements of {@code nearest} restricted by a partial index's {@code predicate}, which its criteria match. */
	static FilteredNearestSql partialIndex(NearestSql nearest, String predicate) {
		return of(nearest, predicate, true);
	}

	private static FilteredNearestSql of(NearestSql nearest, String extraCondition, boolean partialIndex) {
		String condition = and(nearest.condition(), extraCondition);
		String filter = and(nearest.filter(), extraCondition);
		boolean filtered = nearest.filtered() || !extraCondition.isEmpty();
		String where = condition.isEmpty() ? "" : " WHERE " + condition;
		String index = nearest.select() + where + nearest.orderAndLimit();
		String exact = nearest.select() + where + nearest.exactOrderAndLimit();
		// the settings in a materialized CTE that a one-time filter reads: evaluated before the index scan starts,
		// as in the adaptive statement; planned (and, prepared, cached) like the plain index statement
		String indexIterative = "WITH vjpa_settings AS MATERIALIZED (SELECT " + ITERATIVE_SCAN.substring(2) + ") "
				+ nearest.select() + " WHERE " + (condition.isEmpty() ? "" : condition + " AND ")
				+ "(SELECT vjpa_h FROM vjpa_settings) IS NOT NULL" + nearest.orderAndLimit();
		return new FilteredNearestSql(index, exact, adaptive(nearest, condition, filter, ITERATIVE_SCAN),
				adaptive(nearest, condition, filter, ""), indexIterative, filtered, partialIndex);
	}

	@Override
	public String sql(boolean exact) {
		return exact ? this.exact : this.index;
	}

	private static String adaptive(NearestSql nearest, String condition, String filter, String settings) {
		String count = "(SELECT n FROM vjpa_count)";
		String where = " WHERE " + (condition.isEmpty() ? "" : condition + " AND ");
		return "WITH vjpa_count AS MATERIALIZED (SELECT count(*) AS n" + settings + " FROM (SELECT 1"
				+ nearest.from() + (filter.isEmpty() ? "" : " WHERE " + filter) + " LIMIT :" + BOUND_PARAMETER
				+ ") vjpa_s) SELECT vjpa_r.*, vjpa_c.n AS " + MATCHES_COLUMN + " FROM vjpa_count vjpa_c LEFT JOIN (("
				+ nearest.select() + where + count + " < :" + BOUND_PARAMETER + nearest.exactOrderAndLimit()
				+ ") UNION ALL (" + nearest.select() + where + count + " >= :" + BOUND_PARAMETER
				+ nearest.orderAndLimit() + ")) vjpa_r ON true";
	}

	private static String and(String left, String right) {
		return left.isEmpty() ? right : right.isEmpty() ? left : left + " AND " + right;
	}

}
