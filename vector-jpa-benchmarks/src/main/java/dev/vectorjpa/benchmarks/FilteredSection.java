package dev.vectorjpa.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.benchmarks.competitors.RawJdbcSearcher;
import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.GroundTruth;
import dev.vectorjpa.benchmarks.db.BenchTables;
import dev.vectorjpa.benchmarks.report.Report;
import dev.vectorjpa.benchmarks.run.LoadRunner;
import dev.vectorjpa.benchmarks.run.Measurement;
import dev.vectorjpa.benchmarks.run.Searcher;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.SearchOptions.FilterStrategy;
import dev.vectorjpa.repository.SearchOptions.IterativeScan;

/** Filtered k=10 search at 50%, 10% and 1% selectivity: post-filtering vs iterative scans vs partial indexes. */
final class FilteredSection {

	private FilteredSection() {
	}

	static void run(Context ctx) throws Exception {
		Dataset dataset = ctx.datasets.get("s384");
		Report report = ctx.report;
		String table = BenchTables.table(dataset);
		report.heading(2, "4. Filtered search (s384, `category = ?`)");
		report.paragraph("The query `WHERE category = ? ORDER BY embedding <=> ? LIMIT 10` on the HNSW index, one client "
				+ "thread, each query once, ground truth by exact search among the matching rows. Modes: *post-filter* "
				+ "(`hnsw.iterative_scan = off`: the index yields ef_search = 40 candidates, the filter runs after, so "
				+ "selective filters return fewer than 10 rows), *strict* / *relaxed* iterative scans (pgvector 0.8; each "
				+ "round is an ef_search-wide search, so they run at ef_search 40 and 200), and "
				+ "a *partial* HNSW index per category (`WHERE category = 'c1'`), which stands in for partitioning by "
				+ "category. vector-jpa runs the derived `findNearestByCategory(query, category, k, SearchOptions)`, "
				+ "with `filterStrategy(INDEX)` in these modes so that it runs the same statement as raw JDBC. The "
				+ "*filter strategy* rows run vector-jpa's default (`AUTO`: one statement that counts the matching "
				+ "rows through the B-tree on `category` up to 2,000, then scans them exactly or uses the index with a "
				+ "relaxed iterative scan) and `EXACT`, against raw JDBC's exact scan of the matching rows "
				+ "(`ORDER BY (embedding <=> ?) + 0`, which the HNSW index cannot serve). A B-tree on `category` "
				+ "exists throughout, as in an application that filters on it.");
		report.code("sh", ctx.command + " --only filtered");
		String sql = RawJdbcSearcher.sql(table, dataset.metric(), "category = ?");
		ctx.db.execute("CREATE INDEX IF NOT EXISTS " + table.replace('.', '_') + "_category ON " + table
				+ " (category)", "ANALYZE " + table);
		String exactSql = sql.replace(" ORDER BY embedding " + dataset.metric().operator() + " ?",
				" ORDER BY (embedding " + dataset.metric().operator() + " ?) + 0");
		List<List<String>> rows = new ArrayList<>();
		// mode, hnsw.iterative_scan, hnsw.ef_search: the iterative scans also at a higher ef_search, since each of
		// their rounds is an ef_search-wide graph search whose own recall bounds theirs
		String[][] modes = { { "post-filter", "off", "40" }, { "iterative strict", "strict_order", "40" },
				{ "iterative relaxed", "relaxed_order", "40" }, { "iterative strict", "strict_order", "200" },
				{ "iterative relaxed", "relaxed_order", "200" } };
		for (String category : Dataset.CATEGORIES) {
			GroundTruth truth = GroundTruth.of(dataset, category, Context.K, ctx.cache);
			LoadRunner runner = new LoadRunner(dataset, truth, Context.K);
			String selectivity = category.substring(1) + "%";
			System.out.println("filtered: selectivity " + selectivity);
			for (String[] mode : modes) {
				int ef = Integer.parseInt(mode[2]);
				Measurement raw = runner.run(new RawJdbcSearcher("raw " + mode[0] + " ef " + ef + " " + selectivity,
						ctx.db.dataSource(), sql, List.of("SET LOCAL hnsw.iterative_scan = " + mode[1],
								"SET LOCAL hnsw.ef_search = " + ef), category), 1, ctx.scale.warmup() / 3,
						ctx.scale.seconds(), dataset.queries().length);
				IterativeScan scan = IterativeScan.valueOf(mode[1].toUpperCase(java.util.Locale.ROOT));
				Searcher oursSearcher = ctx.ours.filteredSearcher(category, SearchOptions.builder()
					.iterativeScan(scan)
					.efSearch(ef)
					.filterStrategy(FilterStrategy.INDEX)
					.build());
				Measurement ours = (oursSearcher != null) ? runner.run(oursSearcher, 1, ctx.scale.warmup() / 3,
						ctx.scale.seconds(), dataset.queries().length) : null;
				rows.add(row(selectivity, mode[0], String.valueOf(ef),
						(oursSearcher != null) ? QuerySection.plan(ctx, oursSearcher, dataset) : "?", raw, ours));
				if (category.equals("c1") && !mode[1].equals("off")) {
					String target = "iterative scan (" + mode[1] + ", ef_search " + ef + ") recall@10 ≥ 0.95 at 1% "
							+ "selectivity";
					if (ours != null) {
						ReadingSection.target(target, "vector-jpa " + Report.number(ours.recall(), 3) + " (raw JDBC "
								+ Report.number(raw.recall(), 3) + ")", ours.recall() >= 0.95);
					}
					else {
						ReadingSection.target(target, "raw JDBC " + Report.number(raw.recall(), 3)
								+ "; vector-jpa not yet available", null);
					}
				}
			}
			strategies(ctx, runner, dataset, category, selectivity, sql, exactSql, rows);
			// Partial index for this category: the planner needs the literal to prove the predicate, so raw JDBC forces
			// custom plans (a generic plan for "category = $1" cannot use a partial index).
			String name = table + "_" + category + "_hnsw_idx";
			ctx.build(dataset, BenchTables.index(dataset, table, IndexType.HNSW, 0, name, "category = '" + category + "'"),
					"HNSW partial, category = '" + category + "' (" + selectivity + ")");
			Measurement raw = runner.run(new RawJdbcSearcher("raw partial index " + selectivity, ctx.db.dataSource(), sql,
					List.of("SET LOCAL plan_cache_mode = force_custom_plan"), category), 1, ctx.scale.warmup() / 3,
					ctx.scale.seconds(), dataset.queries().length);
			Searcher oursSearcher = ctx.ours.filteredSearcher(category, SearchOptions.none());
			Measurement ours = (oursSearcher != null) ? runner.run(oursSearcher, 1, ctx.scale.warmup() / 3,
					ctx.scale.seconds(), dataset.queries().length) : null;
			rows.add(row(selectivity, "partial index", "40",
					(oursSearcher != null) ? QuerySection.plan(ctx, oursSearcher, dataset) : "?", raw, ours));
			ctx.db.execute("DROP INDEX IF EXISTS " + dev.vectorjpa.benchmarks.db.BenchDatabase.SCHEMA + "." + name);
		}
		report.table(List.of("selectivity", "mode", "ef_search", "plan (vector-jpa)", "raw JDBC recall@10", "raw JDBC QPS", "vector-jpa recall@10",
				"vector-jpa QPS"), rows);
		if (ctx.ours.unavailableReason() != null) {
			report.paragraph("vector-jpa columns: " + ctx.ours.unavailableReason() + ".");
		}
	}

	/**
	 * vector-jpa's filter strategies: AUTO (the default) against raw JDBC's strict iterative scan (the documented
	 * remedy), EXACT against raw JDBC's exact scan.
	 */
	private static void strategies(Context ctx, LoadRunner runner, Dataset dataset, String category,
			String selectivity, String sql, String exactSql, List<List<String>> rows) throws Exception {
		String[][] strategies = { { "AUTO", "strict_order" }, { "EXACT", null } };
		for (String[] strategy : strategies) {
			boolean exact = strategy[1] == null;
			List<String> settings = exact ? List.of() : List.of("SET LOCAL hnsw.iterative_scan = " + strategy[1]);
			Measurement raw = runner.run(new RawJdbcSearcher("raw " + (exact ? "exact" : "strict") + " " + selectivity,
					ctx.db.dataSource(), exact ? exactSql : sql, settings, category), 1, ctx.scale.warmup() / 3,
					ctx.scale.seconds(), dataset.queries().length);
			Searcher oursSearcher = ctx.ours.filteredSearcher(category,
					SearchOptions.builder().filterStrategy(FilterStrategy.valueOf(strategy[0])).build());
			Measurement ours = (oursSearcher != null) ? runner.run(oursSearcher, 1, ctx.scale.warmup() / 3,
					ctx.scale.seconds(), dataset.queries().length) : null;
			rows.add(row(selectivity, "filter strategy " + strategy[0] + " (raw: " + (exact ? "exact scan" : "iterative strict") + ")",
					"40", exact ? "exact scan" : "count, then exact scan or HNSW", raw, ours));
			if (!exact && ours != null) {
				ReadingSection.target("AUTO recall@10 ≥ 0.95 at " + selectivity + " selectivity, QPS above the strict "
						+ "iterative scan's", "vector-jpa " + Report.number(ours.recall(), 3) + " at "
								+ Report.number(ours.qps(), 0) + " QPS (strict iterative, raw JDBC: "
								+ Report.number(raw.recall(), 3) + " at " + Report.number(raw.qps(), 0) + " QPS)",
						ours.recall() >= 0.95 && ours.qps() > raw.qps());
			}
		}
	}

	private static List<String> row(String selectivity, String mode, String ef, String plan, Measurement raw,
			Measurement ours) {
		return List.of(selectivity, mode, ef, plan, Report.number(raw.recall(), 3), Report.number(raw.qps(), 0),
				(ours != null) ? Report.number(ours.recall(), 3) : "n/a", (ours != null) ? Report.number(ours.qps(), 0) : "n/a");
	}

}
