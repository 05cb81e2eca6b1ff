package dev.vectorjpa.repository.query;

import java.util.List;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.SearchOptions.FilterStrategy;
import dev.vectorjpa.repository.SearchOptions.IterativeScan;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.query.parser.Part;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of a filtered search and the strategy chosen for a call, without a database.
 */
class FilteredSearchStrategyUnitTests {

	private static final VectorAttribute ATTRIBUTE = new VectorAttribute("embedding", "embedding", "embedding",
			VectorType.VECTOR, 3, Metric.COSINE, false, null, IndexType.NONE, "Document.embedding");

	private static final String SELECT = "SELECT t.*, t.embedding <=> cast(:vjpa_query as vector) AS vjpa_distance "
			+ "FROM document t";

	private static final String ORDER = " ORDER BY vjpa_distance LIMIT :vjpa_limit";

	private static final String EXACT_ORDER = " ORDER BY (t.embedding <=> cast(:vjpa_query as vector)) + 0 LIMIT "
			+ ":vjpa_limit";

	private static final NearestSql BY_CATEGORY = new NearestSql(SELECT, "t.category = :p1", ORDER, EXACT_ORDER,
			List.of(new CriterionParameter("p1", "category", Part.Type.SIMPLE_PROPERTY, null, false)),
			NearestSql.Threshold.NONE, ATTRIBUTE, null, "t.category = :p1", true);

	private static final NearestSql UNFILTERED = new NearestSql(SELECT, "", ORDER, EXACT_ORDER, List.of(),
			NearestSql.Threshold.NONE, ATTRIBUTE, null, "", false);

	@Test
	void adaptiveStatementCountsThenRunsOneOfTwoBranches() {
		FilteredNearestSql statements = FilteredNearestSql.of(BY_CATEGORY);
		String branch = SELECT + " WHERE t.category = :p1 AND (SELECT n FROM vjpa_count) ";
		assertThat(statements.adaptiveAsConfigured()).isEqualTo("WITH vjpa_count AS MATERIALIZED (SELECT count(*) AS n "
				+ "FROM (SELECT 1 FROM document t WHERE t.category = :p1 LIMIT :vjpa_bound) vjpa_s) "
				+ "SELECT vjpa_r.*, vjpa_c.n AS vjpa_matches FROM vjpa_count vjpa_c LEFT JOIN ((" + branch
				+ "< :vjpa_bound" + EXACT_ORDER + ") UNION ALL (" + branch + ">= :vjpa_bound" + ORDER
				+ ")) vjpa_r ON true");
		assertThat(statements.adaptive()).contains("SELECT count(*) AS n, set_config('hnsw.iterative_scan', "
				+ "'relaxed_order', true) AS vjpa_h, set_config('ivfflat.iterative_scan', 'relaxed_order', true) AS "
				+ "vjpa_i FROM (SELECT 1 FROM document t WHERE t.category = :p1 LIMIT :vjpa_bound)");
		assertThat(statements.indexIterative()).isEqualTo("WITH vjpa_settings AS MATERIALIZED (SELECT "
				+ "set_config('hnsw.iterative_scan', 'relaxed_order', true) AS vjpa_h, "
				+ "set_config('ivfflat.iterative_scan', 'relaxed_order', true) AS vjpa_i) " + SELECT
				+ " WHERE t.category = :p1 AND (SELECT vjpa_h FROM vjpa_settings) IS NOT NULL" + ORDER);
		assertThat(statements.sql(false)).isEqualTo(SELECT + " WHERE t.category = :p1" + ORDER);
		assertThat(statements.sql(true)).isEqualTo(SELECT + " WHERE t.category = :p1" + EXACT_ORDER);
		assertThat(FilteredNearestSql.of(UNFILTERED, "t.metadata @> :vjpa_f1").sql(false))
			.isEqualTo(SELECT + " WHERE t.metadata @> :vjpa_f1" + ORDER);
	}

	@Test
	void autoCountsFilteredSearchesOnly() {
		FilteredNearestSql filtered = FilteredNearestSql.of(BY_CATEGORY);
		FilteredSearchStrategy.Plan plan = FilteredSearchStrategy.plan(filtered, SearchOptions.none(), 10, false);
		assertThat(plan.sql()).isEqualTo(filtered.adaptive());
		assertThat(plan.bound()).isEqualTo(FilteredSearchStrategy.EXACT_SCAN_ROWS);
		assertThat(FilteredSearchStrategy.plan(filtered, SearchOptions.none(), 5000, false).bound()).isEqualTo(5001);
		SearchOptions strict = SearchOptions.builder().iterativeScan(IterativeScan.STRICT_ORDER).build();
		assertThat(FilteredSearchStrategy.plan(filtered, strict, 10, false).sql())
			.isEqualTo(filtered.adaptiveAsConfigured());
		FilteredNearestSql unfiltered = FilteredNearestSql.of(UNFILTERED);
		assertThat(FilteredSearchStrategy.plan(unfiltered, SearchOptions.none(), 10, false).chosen())
			.isEqualTo(FilteredSearchStrategy.Chosen.INDEX);
		// a current domain filters too
		assertThat(FilteredSearchStrategy.plan(unfiltered, SearchOptions.none(), 10, true).adaptive()).isTrue();
		assertThat(FilteredSearchStrategy.plan(FilteredNearestSql.of(UNFILTERED, "x = 1"), SearchOptions.none(), 10,
				false)
			.adaptive()).isTrue();
	}

	@Test
	void overridesChooseTheStatement() {
		FilteredNearestSql filtered = FilteredNearestSql.of(BY_CATEGORY);
		SearchOptions index = SearchOptions.builder().filterStrategy(FilterStrategy.INDEX).build();
		SearchOptions exact = SearchOptions.builder().filterStrategy(FilterStrategy.EXACT).build();
		assertThat(FilteredSearchStrategy.plan(filtered, index, 10, true))
			.isEqualTo(new FilteredSearchStrategy.Plan(filtered.index(), false, 0, FilteredSearchStrategy.Chosen.INDEX));
		assertThat(FilteredSearchStrategy.plan(filtered, exact, 10, true))
			.isEqualTo(new FilteredSearchStrategy.Plan(filtered.exact(), false, 0, FilteredSearchStrategy.Chosen.EXACT));
		assertThat(FilteredSearchStrategy.plan(filtered, SearchOptions.builder().exact(true).build(), 10, false)
			.chosen()).isEqualTo(FilteredSearchStrategy.Chosen.EXACT);
	}

	@Test
	void indexBranchIsWidenedOnlyWhenItFallsShortOfRowsThatMatch() {
		FilteredSearchStrategy.Plan plan = FilteredSearchStrategy.plan(FilteredNearestSql.of(BY_CATEGORY),
				SearchOptions.none(), 3, false);
		List<Integer> three = List.of(1, 2, 3);
		List<Integer> two = List.of(1, 2);
		assertThat(FilteredSearchStrategy.outcome(plan, two, 2L, 3, false, "m"))
			.isEqualTo(FilteredSearchStrategy.Chosen.AUTO_EXACT);
		assertThat(FilteredSearchStrategy.outcome(plan, three, 2000L, 3, false, "m"))
			.isEqualTo(FilteredSearchStrategy.Chosen.AUTO_INDEX);
		assertThat(FilteredSearchStrategy.outcome(plan, two, 2000L, 3, false, "m")).isNull();
		assertThat(FilteredSearchStrategy.outcome(plan, List.of(), 2000L, 3, false, "m")).isNull();
		// a filter a recent count found to match many rows is not counted again: the index statement runs alone
		FilteredNearestSql statements = FilteredNearestSql.of(BY_CATEGORY);
		FilteredSearchStrategy.Plan known = FilteredSearchStrategy.remembered(plan, statements, true);
		assertThat(known).isEqualTo(new FilteredSearchStrategy.Plan(statements.indexIterative(), false, 0,
				FilteredSearchStrategy.Chosen.AUTO_INDEX));
		assertThat(FilteredSearchStrategy.outcome(known, three, null, 3, false, "m"))
			.isEqualTo(FilteredSearchStrategy.Chosen.AUTO_INDEX);
		assertThat(FilteredSearchStrategy.outcome(known, two, null, 3, false, "m")).isNull();
		assertThat(FilteredSearchStrategy.outcome(known, two, null, 3, true, "m"))
			.isEqualTo(FilteredSearchStrategy.Chosen.AUTO_INDEX);
		// ... and few: the exact statement runs alone
		assertThat(FilteredSearchStrategy.remembered(plan, statements, false)).isEqualTo(
				new FilteredSearchStrategy.Plan(statements.exact(), false, 0, FilteredSearchStrategy.Chosen.AUTO_EXACT));
		// the caller's own iterative scan mode is kept: the plain index statement
		SearchOptions strict = SearchOptions.builder().iterativeScan(IterativeScan.STRICT_ORDER).build();
		assertThat(FilteredSearchStrategy.remembered(FilteredSearchStrategy.plan(statements, strict, 3, false),
				statements, true)
			.sql()).isEqualTo(statements.index());
		// a similarity threshold may legitimately keep fewer rows
		assertThat(FilteredSearchStrategy.outcome(plan, two, 2000L, 3, true, "m"))
			.isEqualTo(FilteredSearchStrategy.Chosen.AUTO_INDEX);
	}

}
