package dev.vectorjpa.repository.query;

import java.util.List;

import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.SearchOptions.FilterStrategy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Chooses per call how a nearest query finds its rows ({@link FilterStrategy}), and whether an adaptive statement's
 * result must be widened to an exact scan. An approximate index returns the rows nearest the query and a filter then
 * discards those that do not match: when few rows match, few or none of the k survive. So under {@code AUTO} a
 * filtered query runs {@link FilteredNearestSql#adaptive()}: an exact scan when a count bounded at
 * {@value #EXACT_SCAN_ROWS} rows says the filtered rows are few (exact and cheap), the index with an iterative scan
 * otherwise; when that index branch still returns fewer than k rows although more match, the exact statement runs
 * once more. What the count said is remembered per filter for a minute ({@link FilteredCountCache}): the next calls
 * run the exact or the index statement directly. Unfiltered queries use the index as before.
 *
 * @since 0.1
 */
public final class FilteredSearchStrategy {

	/**
	 * Filtered rows up to which an exact scan is chosen: a few thousand distance computations cost about what an
	 * iterative HNSW scan visits for a selective filter, and they give every row right.
	 */
	public static final int EXACT_SCAN_ROWS = 2000;

	private static final Log logger = LogFactory.getLog(FilteredSearchStrategy.class);

	private FilteredSearchStrategy() {
	}

	/** What a call ran, as tagged on the search observation ({@code vector-jpa.search.strategy}). */
	public enum Chosen {

		/** The vector index (unfiltered, or {@code INDEX} asked for). */
		INDEX("index"),

		/** A partial index holding exactly the rows the criteria select ({@code AUTO}, no domain restricting). */
		PARTIAL_INDEX("partial-index"),

		/** The exact statement ({@code EXACT} or {@code exact(true)} asked for). */
		EXACT("exact"),

		/** {@code AUTO}: the bounded count (this call's, or a recent one's for the same filter) chose the exact scan. */
		AUTO_EXACT("auto-exact"),

		/** {@code AUTO}: the bounded count chose the index with an iterative scan. */
		AUTO_INDEX("auto-index"),

		/** {@code AUTO}: the index returned fewer than k rows although more match; the exact scan ran after it. */
		AUTO_INDEX_THEN_EXACT("auto-index-then-exact");

		private final String tag;

		Chosen(String tag) {
			this.tag = tag;
		}

		/** The observation tag value. */
		public String tag() {
			return this.tag;
		}

	}

	/**
	 * The statement for a call.
	 * @param sql the statement text
	 * @param adaptive whether it is the adaptive statement (binds {@value FilteredNearestSql#BOUND_PARAMETER},
	 * returns {@value FilteredNearestSql#MATCHES_COLUMN})
	 * @param bound the count bound to bind
	 * @param chosen what runs, final unless adaptive
	 */
	public record Plan(String sql, boolean adaptive, int bound, Chosen chosen) {
	}

	/**
	 * The plan for a call over {@code statements} with the {@code effective} options and {@code limit} rows;
	 * {@code scoped} says whether the call's scope (its domain) restricts the rows.
	 */
	public static Plan plan(NearestSql.Text statements, SearchOptions effective, int limit, boolean scoped) {
		if (effective.exact() || effective.filterStrategy() == FilterStrategy.EXACT) {
			return new Plan(statements.sql(true), false, 0, Chosen.EXACT);
		}
		if (statements instanceof FilteredNearestSql partial && partial.partialIndex() && !scoped
				&& effective.filterStrategy() == FilterStrategy.AUTO) {
			return new Plan(partial.index(), false, 0, Chosen.PARTIAL_INDEX);
		}
		if (!(statements instanceof FilteredNearestSql filtered) || !(filtered.filtered() || scoped)
				|| effective.filterStrategy() == FilterStrategy.INDEX) {
			return new Plan(statements.sql(false), false, 0, Chosen.INDEX);
		}
		// the caller's iterative scan mode (options or defaults) is applied with SET LOCAL: keep it
		String sql = effective.iterativeScan().isPresent() ? filtered.adaptiveAsConfigured() : filtered.adaptive();
		// above k, so that "the count reached the bound" always means more than k rows match
		return new Plan(sql, true, Math.max(EXACT_SCAN_ROWS, limit + 1), Chosen.AUTO_INDEX);
	}

	/**
	 * The plan for an adaptive call ({@code planned}) whose filter a recent count found to match {@code many} rows or
	 * few: the index statement without a count (turning the iterative scan on unless the caller set a mode), or the
	 * exact statement. Both are plain statements, planned (and cached when prepared) like any other.
	 */
	public static Plan remembered(Plan planned, FilteredNearestSql statements, boolean many) {
		if (!many) {
			return new Plan(statements.exact(), false, 0, Chosen.AUTO_EXACT);
		}
		boolean asConfigured = planned.sql().equals(statements.adaptiveAsConfigured());
		return new Plan(asConfigured ? statements.index() : statements.indexIterative(), false, 0, Chosen.AUTO_INDEX);
	}

	/**
	 * What an adaptive statement ran, or {@code null} when its index branch fell short and the exact statement must
	 * run: fewer than {@code limit} rows although the count reached the bound (so more than {@code limit} match).
	 * With a similarity threshold fewer rows are expected and nothing is widened.
	 */
	public static @Nullable Chosen outcome(Plan plan, List<?> rows, @Nullable Number matches, int limit,
			boolean threshold, String method) {
		if (!plan.adaptive() && plan.chosen() == Chosen.AUTO_INDEX) {
			// remembered: more than the bound matched a moment ago
			int bound = Math.max(EXACT_SCAN_ROWS, limit + 1);
			if (rows.size() >= limit || threshold) {
				debug(method, "index with an iterative scan: the filter matched at least " + bound
						+ " rows a moment ago (not counted again)");
				return Chosen.AUTO_INDEX;
			}
			debug(method, "index with an iterative scan returned " + rows.size() + " of " + limit
					+ " rows although at least " + bound + " rows matched a moment ago; widening to an exact scan");
			return null;
		}
		if (!plan.adaptive()) {
			debug(method, switch (plan.chosen()) {
				case EXACT -> "exact scan, as the options ask";
				case PARTIAL_INDEX -> "the partial vector index whose predicate the criteria match";
				case AUTO_EXACT -> "exact scan: the filter matched fewer than " + Math.max(EXACT_SCAN_ROWS, limit + 1)
						+ " rows a moment ago (not counted again)";
				default -> "vector index (unfiltered, or the options ask for it)";
			});
			return plan.chosen();
		}
		if (matches == null || matches.longValue() < plan.bound()) {
			debug(method, "exact scan: the filter matches " + matches + " rows, below " + plan.bound());
			return Chosen.AUTO_EXACT;
		}
		if (rows.size() >= limit || threshold) {
			debug(method, "index with an iterative scan: the filter matches at least " + plan.bound() + " rows");
			return Chosen.AUTO_INDEX;
		}
		debug(method, "index with an iterative scan returned " + rows.size() + " of " + limit + " rows although at least "
				+ plan.bound() + " rows match; widening to an exact scan");
		return null;
	}

	private static void debug(String method, String decision) {
		if (logger.isDebugEnabled()) {
			logger.debug(method + ": " + decision);
		}
	}

}
