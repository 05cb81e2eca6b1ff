package dev.vectorjpa.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.vectorjpa.benchmarks.competitors.PgvectorDaoSearcher;
import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.GroundTruth;
import dev.vectorjpa.benchmarks.data.TextDataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.db.BenchTables;
import dev.vectorjpa.benchmarks.db.SqlCapture;
import dev.vectorjpa.benchmarks.report.Report;
import dev.vectorjpa.benchmarks.run.LoadRunner;
import dev.vectorjpa.benchmarks.run.Measurement;
import dev.vectorjpa.benchmarks.run.Rounds;
import dev.vectorjpa.benchmarks.run.Searcher;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.SearchOptions.FilterStrategy;
import dev.vectorjpa.repository.SearchOptions.IterativeScan;

/**
 * Filtered k=10 queries on the real sentence embeddings of section 6 at 0.1 % to 100 % selectivity (issue 16):
 * PostgreSQL's own plan, its strict and relaxed iterative scans and an exact scan, each as hand-written pgvector-java
 * SQL, against vector-jpa's derived {@code findNearestBySection} with each filter strategy.
 */
final class TextFilteredSection {

	/** Selectivities: label, section value; {@code null} is the filter every row passes ({@code section <> 'none'}). */
	private static final String[][] FILTERS = { { "0.1 %", "s0.1" }, { "1 %", "s1" }, { "10 %", "s10" },
			{ "50 %", "s50" }, { "100 %", null } };

	/** A section no row has. */
	private static final String NONE = "none";

	private static final int ROUNDS = 3;

	/** Timed seconds per client and thread count, at most: 8 clients, 5 filters, 2 thread counts stay near 3 min. */
	private static final double MAX_SECONDS = 2.4;

	/** Warm-up of every client before the first filter (the JIT), and before each later one (plans, buffers). */
	private static final double FIRST_WARMUP_SECONDS = 2;

	private static final double WARMUP_SECONDS = 0.5;

	private static final int WARMUP_QUERIES = 1_500;

	private static final String STRICT = "SQL, strict iterative scan";

	private static final String PLAIN = "SQL, PostgreSQL's plan";

	private static final String AUTO = "vector-jpa AUTO (default)";

	private TextFilteredSection() {
	}

	/**
	 * Prepares the real-text table as section 6 does (unless that ran already) and makes sure a B-tree on
	 * {@code section} exists, as in an application that filters on it.
	 */
	static void prepare(Context ctx) throws Exception {
		if (ctx.text == null) {
			TextSection.prepare(ctx);
		}
		String table = BenchTables.table(ctx.text.vectors());
		String btree = ctx.db.value("SELECT indexname FROM pg_indexes WHERE schemaname = '" + BenchDatabase.SCHEMA
				+ "' AND tablename = '" + table + "' AND indexdef LIKE '%USING btree (section)'");
		if (btree == null) {
			ctx.db.execute("CREATE INDEX IF NOT EXISTS " + table + "_section_idx ON " + table + " (section)");
			System.out.println("  created the B-tree " + table + "_section_idx");
		}
		ctx.db.execute("ANALYZE " + table);
	}

	static void run(Context ctx) throws Exception {
		TextDataset text = ctx.text;
		Dataset dataset = text.vectors();
		String table = BenchTables.table(dataset);
		Report report = ctx.report;
		boolean small = ctx.scale.name().equals("small");
		int[] threads = small ? new int[] { 1 } : new int[] { 1, 4 };
		double seconds = Math.min(ctx.scale.seconds(), MAX_SECONDS);
		report.heading(2, "7. Filtered queries on real sentence embeddings (k = 10)");
		report.paragraph("The table of section 6 (" + Report.number(dataset.size(), 0) + " passages, all-MiniLM-L6-v2, "
				+ "384 dims, cosine; HNSW m = 16, ef_construction = 64, server default `hnsw.ef_search` = 40) with a "
				+ "B-tree on `section`, whose values are drawn independently of the text, so a filter does not follow "
				+ "the query's neighbourhood: `section = 's0.1'` selects 0.1 % of the rows, `'s1'` 1 %, `'s10'` 10 %, "
				+ "`'s50'` 50 %, and `section <> 'none'` every row (100 %): " + matching(dataset) + " rows. k = 10; "
				+ "ground truth by exact search in Java "
				+ "over the rows that match; when fewer than 10 rows match (0.1 % at small scale), recall@10 is counted "
				+ "against those rows, so returning all of them is 1. *rows/query* is the mean number of rows a query "
				+ "returned. The *SQL* rows are a hand-written pgvector-java DAO (as in section 6: binary vectors, one "
				+ "prepared statement per connection, every column read) running `WHERE section = ? ORDER BY embedding "
				+ "<=> ? LIMIT 10`: with *PostgreSQL's plan* (default settings: a B-tree scan and a sort when the "
				+ "planner expects few rows, else the HNSW index with the filter applied after it), with `SET LOCAL "
				+ "hnsw.iterative_scan = strict_order` or `relaxed_order` in a transaction (relaxed rows re-sorted by "
				+ "distance in Java), and *exact*: `ORDER BY (embedding <=> ?) + 0`, which the HNSW index cannot serve "
				+ "but the B-tree can still select the rows for. The *vector-jpa* rows call the derived "
				+ "`findNearestBySection(query, section, 10, options)` (`findNearestBySectionNot(query, \"none\", 10, "
				+ "options)` at 100 %) with default configuration and `SearchOptions.none()` (*AUTO*, the default), "
				+ "`filterStrategy(INDEX)` (the index, iterative scan as configured: off), `filterStrategy(EXACT)` and "
				+ "`filterStrategy(INDEX)` with `iterativeScan(STRICT_ORDER)`; *strategy* is the most frequent value of "
				+ "the search observation's `vector-jpa.search.strategy` tag over the timed calls (with its share). "
				+ "Each filter: every client warmed up (" + Report.number(FIRST_WARMUP_SECONDS, 0) + " s each before "
				+ "the first filter, " + Report.number(WARMUP_SECONDS, 1) + " s before the others, at most "
				+ Report.number(WARMUP_QUERIES, 0) + " queries), then " + Report.number(seconds, 1) + " s per client "
				+ "and thread count, as " + ROUNDS + " interleaved runs that continue through the queries where the "
				+ "last one stopped (slow clients time fewer queries: their recall is over those). *vs SQL strict* is "
				+ "the QPS ratio to the hand-written strict iterative scan, the remedy pgvector documents. *plan* "
				+ "summarises PostgreSQL's `EXPLAIN` of the statement as sent, with its values; the full plans follow "
				+ "the table.");
		report.code("sh", ctx.command + " --only text-filtered");
		// one pool for the DAOs: 4 of them keep a connection per thread (up to 4) while a filter runs
		javax.sql.DataSource daoPool = ctx.db.isolatedDataSource("text-filtered-dao", 16);
		String op = dataset.metric().operator();
		List<List<String>> rows = new ArrayList<>();
		List<List<String>> plans = new ArrayList<>();
		// per client, the statement last shown in the plans table
		Map<String, String> statements = new LinkedHashMap<>();
		boolean first = true;
		for (String[] filter : FILTERS) {
			String selectivity = filter[0];
			String section = filter[1];
			boolean all = section == null;
			String where = all ? "section <> ?" : "section = ?";
			Object value = all ? NONE : section;
			System.out.println("text-filtered: selectivity " + selectivity + " (" + where.replace("?", "'" + value + "'")
					+ ")");
			// every row's section is one of TextDataset.SECTIONS or "rest": "<> 'none'" passes all, so its ground
			// truth is the unfiltered one
			if (all && Arrays.asList(dataset.categories()).contains(NONE)) {
				throw new IllegalStateException("a row has section '" + NONE + "'");
			}
			GroundTruth truth = GroundTruth.of(dataset, section, Context.K, ctx.cache);
			List<PgvectorDaoSearcher> daos = daos(daoPool, table, op, where, value);
			List<OurLibrary.StrategySearcher> ours = ours(ctx, all ? NONE : section, all);
			List<Searcher> searchers = new ArrayList<>(daos);
			searchers.addAll(ours);
			try {
				Map<String, String> failures = dropFailing(searchers, ours, dataset);
				Map<String, String> labels = new LinkedHashMap<>();
				for (Searcher searcher : searchers) {
					// the DAOs keep their connection: a copy is captured and closed, so no later query is captured
					Searcher probe = (searcher instanceof PgvectorDaoSearcher dao) ? dao.copy() : searcher;
					try {
						labels.put(searcher.name(), explain(ctx, probe, dataset, selectivity, statements, plans));
					}
					finally {
						if (probe instanceof PgvectorDaoSearcher dao) {
							dao.close();
						}
					}
				}
				System.out.println("  warming up every client");
				for (Searcher searcher : searchers) {
					warmUp(searcher, dataset, first ? FIRST_WARMUP_SECONDS : WARMUP_SECONDS);
				}
				first = false;
				ours.forEach(OurLibrary.StrategySearcher::resetStrategies);
				Map<Searcher, LoadRunner> runners = new LinkedHashMap<>();
				for (Searcher searcher : searchers) {
					runners.put(searcher, new LoadRunner(dataset, truth, Context.K, true));
				}
				Map<String, Map<Integer, Measurement>> results = Rounds.interleaved(searchers, runners::get, threads,
						ROUNDS, 0, seconds);
				for (Searcher searcher : searchers) {
					rows.add(row(selectivity, searcher, labels.get(searcher.name()), results, threads));
				}
				failures.forEach((name, failure) -> {
					List<String> row = new ArrayList<>(List.of(selectivity, name, failure));
					while (row.size() < 6 + 4 * threads.length) {
						row.add("");
					}
					rows.add(row);
				});
				targets(selectivity, results, failures, threads);
			}
			finally {
				for (PgvectorDaoSearcher dao : daos) {
					dao.close();
				}
			}
		}
		if (ctx.ours.unavailableReason() != null) {
			report.paragraph("vector-jpa rows: " + ctx.ours.unavailableReason() + ".");
		}
		List<String> headers = new ArrayList<>(List.of("selectivity", "client", "plan", "strategy", "recall@10",
				"rows/query"));
		for (int t : threads) {
			String suffix = (threads.length > 1) ? ", " + t + " thr" : "";
			headers.addAll(List.of("QPS" + suffix, "p50 ms" + suffix, "p99 ms" + suffix, "vs SQL strict" + suffix));
		}
		report.table(headers, rows);
		report.paragraph("Plans: `EXPLAIN` of each client's statement as sent, with its values and `SET LOCAL`s (the "
				+ "plan for those values; a prepared statement may switch to a generic plan after five executions when "
				+ "that is not costlier, so *rows/query* and *recall@10* above are what ran), nodes in plan order, "
				+ "costs left out; a client's statement is shown where it changes. vector-jpa's are captured after one "
				+ "call, so *AUTO* shows the statement it sends once its count of the filter's rows is remembered:");
		report.table(List.of("selectivity", "client", "statement", "plan"), plans);
	}

	/** The hand-written SQL clients: PostgreSQL's plan, strict and relaxed iterative scans, exact. */
	private static List<PgvectorDaoSearcher> daos(javax.sql.DataSource pool, String table, String op, String where,
			Object value) {
		String sql = PgvectorDaoSearcher.sql(table, op, where);
		return List.of(new PgvectorDaoSearcher(PLAIN, pool, sql, value),
				new PgvectorDaoSearcher(STRICT, pool, sql, List.of("SET LOCAL hnsw.iterative_scan = strict_order"), false,
						new Object[] { value }),
				new PgvectorDaoSearcher("SQL, relaxed iterative scan", pool, sql,
						List.of("SET LOCAL hnsw.iterative_scan = relaxed_order"), true, new Object[] { value }),
				new PgvectorDaoSearcher("SQL, exact", pool, PgvectorDaoSearcher.exactSql(table, op, where), value));
	}

	/** vector-jpa's derived search with each filter strategy (none when this build cannot run it). */
	private static List<OurLibrary.StrategySearcher> ours(Context ctx, String section, boolean negated) {
		Map<String, SearchOptions> strategies = new LinkedHashMap<>();
		strategies.put(AUTO, SearchOptions.none());
		strategies.put("vector-jpa INDEX", SearchOptions.builder().filterStrategy(FilterStrategy.INDEX).build());
		strategies.put("vector-jpa EXACT", SearchOptions.builder().filterStrategy(FilterStrategy.EXACT).build());
		strategies.put("vector-jpa INDEX + strict", SearchOptions.builder()
			.filterStrategy(FilterStrategy.INDEX)
			.iterativeScan(IterativeScan.STRICT_ORDER)
			.build());
		List<OurLibrary.StrategySearcher> ours = new ArrayList<>();
		strategies.forEach((name, options) -> {
			OurLibrary.StrategySearcher searcher = ctx.ours.filteredSectionSearcher(name, section, negated, options);
			if (searcher != null) {
				ours.add(searcher);
			}
		});
		return ours;
	}

	/**
	 * Runs one query of each client and removes those that fail from {@code searchers} and {@code ours}: a failing
	 * client is reported, not measured, and the other rows of a long run stay. Returns the failures by client.
	 */
	private static Map<String, String> dropFailing(List<Searcher> searchers, List<OurLibrary.StrategySearcher> ours,
			Dataset dataset) {
		Map<String, String> failures = new LinkedHashMap<>();
		for (Searcher searcher : List.copyOf(searchers)) {
			try {
				searcher.search(dataset.queries()[0], Context.K);
			}
			catch (Exception | LinkageError ex) {
				System.out.println("  " + searcher.name() + " fails:");
				ex.printStackTrace(System.out);
				failures.put(searcher.name(), "fails: " + ex.getClass().getSimpleName() + " (the run's output has the "
						+ "stack trace)");
				searchers.remove(searcher);
				ours.remove(searcher);
			}
		}
		return failures;
	}

	/** The number of rows each filter matches, in {@link #FILTERS}' order: {@code 63 / 630 / ...}. */
	private static String matching(Dataset dataset) {
		List<String> counts = new ArrayList<>();
		for (String[] filter : FILTERS) {
			long n = Arrays.stream(dataset.categories()).filter((c) -> filter[1] == null || filter[1].equals(c)).count();
			counts.add(Report.number(n, 0));
		}
		return String.join(" / ", counts);
	}

	/** Runs {@code searcher} for {@code seconds} or {@value #WARMUP_QUERIES} queries, whichever ends first. */
	private static void warmUp(Searcher searcher, Dataset dataset, double seconds) throws Exception {
		float[][] queries = dataset.queries();
		long end = System.nanoTime() + (long) (seconds * 1e9);
		for (int i = 0; i < WARMUP_QUERIES && System.nanoTime() < end; i++) {
			// from the last query backwards: the timed runs start at the first
			searcher.search(queries[queries.length - 1 - i % queries.length], Context.K);
		}
	}

	/**
	 * EXPLAINs the statement one search sends: adds a row to {@code plans} (with the statement when it is not the
	 * one {@code statements} holds for the client), returns the short plan label.
	 */
	private static String explain(Context ctx, Searcher searcher, Dataset dataset, String selectivity,
			Map<String, String> statements, List<List<String>> plans) throws Exception {
		SqlCapture.Captured query = QuerySection.capture(searcher, dataset);
		if (query == null) {
			plans.add(List.of(selectivity, searcher.name(), "(no ORDER BY … LIMIT statement captured)", "?"));
			return "?";
		}
		String plan = ctx.db.dataSource().explain(query);
		String settings = query.settings().isEmpty() ? "" : "`" + String.join("; ", query.settings()) + "`; ";
		String nodes = nodes(plan);
		String statement = settings + "`" + query.display() + "`";
		boolean same = statement.equals(statements.put(searcher.name(), statement));
		plans.add(List.of(selectivity, searcher.name(), same ? "as above" : statement, nodes));
		System.out.printf("  %s: %s%n", searcher.name(), nodes);
		return label(plan, query.sql());
	}

	/** The plan's nodes in order, without costs: {@code Limit → Index Scan using x (filter)}. */
	static String nodes(String plan) {
		List<String> nodes = new ArrayList<>();
		for (String line : plan.lines().toList()) {
			String trimmed = line.trim();
			if (nodes.isEmpty() || trimmed.startsWith("->")) {
				String node = trimmed.replaceFirst("^->\\s*", "").replaceAll("\\s*\\(cost=.*", "");
				node = node.replaceAll("(using \\S+) on \\S+.*", "$1")
					.replaceAll("^((?:Parallel )?(?:Seq|Bitmap Heap) Scan) on .*", "$1");
				nodes.add(node);
			}
			else if (trimmed.startsWith("Filter:")) {
				nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1) + " (filter)");
			}
		}
		return String.join(" → ", nodes);
	}

	/** A short description of a plan: which index finds the rows, and whether they are sorted after. */
	static String label(String plan, String sql) {
		boolean hnsw = plan.lines().anyMatch((l) -> l.contains("Index Scan using") && l.contains("hnsw"));
		boolean btree = plan.lines()
			.anyMatch((l) -> l.matches(".*(Index Scan using|Index Only Scan using|Bitmap Index Scan on) \\S+.*")
					&& !l.contains("hnsw") && !l.contains("pkey"));
		boolean seq = plan.contains("Seq Scan");
		String exact = (btree ? "B-tree" : seq ? "seq scan" : "?") + " + sort";
		if (sql.contains("vjpa_count")) {
			return "count, then " + exact + " or HNSW";
		}
		if (hnsw) {
			return plan.contains("Filter:") ? "HNSW, filter after" : "HNSW";
		}
		return exact;
	}

	private static List<String> row(String selectivity, Searcher searcher, String plan,
			Map<String, Map<Integer, Measurement>> results, int[] threads) {
		Map<Integer, Measurement> measured = results.get(searcher.name());
		Map<Integer, Measurement> strict = results.get(STRICT);
		List<String> row = new ArrayList<>(List.of(selectivity, searcher.name(), plan, strategy(searcher),
				Report.number(recall(measured), 3), Report.number(rowsPerQuery(measured), 1)));
		for (int t : threads) {
			Measurement m = measured.get(t);
			row.addAll(List.of(Report.number(m.qps(), 0), Report.number(m.p50Millis(), 2),
					Report.number(m.p99Millis(), 2), (strict != null) ? Report.ratio(m.qps(), strict.get(t).qps()) : "n/a"));
		}
		return row;
	}

	/** Mean recall over the queries timed at every thread count. */
	private static double recall(Map<Integer, Measurement> measured) {
		long queries = measured.values().stream().mapToLong(Measurement::queries).sum();
		return (queries > 0) ? measured.values().stream().mapToDouble((m) -> m.recall() * m.queries()).sum() / queries
				: 0;
	}

	/** Mean rows per query over the queries timed at every thread count. */
	private static double rowsPerQuery(Map<Integer, Measurement> measured) {
		long queries = measured.values().stream().mapToLong(Measurement::queries).sum();
		return (queries > 0)
				? measured.values().stream().mapToDouble((m) -> m.rowsPerQuery() * m.queries()).sum() / queries : 0;
	}

	/** The most frequent strategy tag of a vector-jpa client, with its share (and the others'), or "" for SQL. */
	private static String strategy(Searcher searcher) {
		if (!(searcher instanceof OurLibrary.StrategySearcher ours)) {
			return "";
		}
		Map<String, Long> counts = ours.strategies();
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return "?";
		}
		List<Map.Entry<String, Long>> sorted = counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.toList();
		StringBuilder text = new StringBuilder(sorted.get(0).getKey());
		if (sorted.size() > 1) {
			text.append(" (").append(percent(sorted.get(0).getValue(), total));
			for (Map.Entry<String, Long> other : sorted.subList(1, sorted.size())) {
				text.append("; ").append(other.getKey()).append(' ').append(percent(other.getValue(), total));
			}
			text.append(')');
		}
		return text.toString();
	}

	private static String percent(long count, long total) {
		return Report.number(100.0 * count / total, (count * 1000 < total) ? 2 : 0) + " %";
	}

	/** Issue 16's targets at one selectivity: AUTO's recall, and its QPS above the strict iterative scan's. */
	private static void targets(String selectivity, Map<String, Map<Integer, Measurement>> results,
			Map<String, String> failures, int[] threads) {
		String recallTarget = "real text, " + selectivity + " selectivity: filtered AUTO recall@10 ≥ 0.95";
		String qpsTarget = "real text, " + selectivity + " selectivity: AUTO QPS > SQL strict iterative scan QPS";
		Map<Integer, Measurement> ours = results.get(AUTO);
		Map<Integer, Measurement> strict = results.get(STRICT);
		Map<Integer, Measurement> plain = results.get(PLAIN);
		if (ours == null || strict == null || plain == null) {
			String why = (ours == null) ? failures.getOrDefault(AUTO, "vector-jpa not available")
					: (strict == null) ? "SQL strict " + failures.get(STRICT) : "SQL " + failures.get(PLAIN);
			ReadingSection.target(recallTarget, why, null);
			ReadingSection.target(qpsTarget, why, null);
			return;
		}
		double recall = recall(ours);
		ReadingSection.target(recallTarget, Report.number(recall, 3) + ", " + Report.number(rowsPerQuery(ours), 1)
				+ " rows/query (SQL strict iterative scan " + Report.number(recall(strict), 3) + ", PostgreSQL's plan "
				+ Report.number(recall(plain), 3) + ")", recall >= 0.95);
		List<String> measured = new ArrayList<>();
		boolean met = true;
		for (int t : threads) {
			Measurement o = ours.get(t);
			Measurement s = strict.get(t);
			measured.add(t + " thread" + ((t > 1) ? "s" : "") + ": " + Report.number(o.qps(), 0) + " vs "
					+ Report.number(s.qps(), 0) + " QPS (" + Report.ratio(o.qps(), s.qps()) + ")");
			met &= o.qps() > s.qps();
		}
		ReadingSection.target(qpsTarget, String.join("; ", measured), met);
	}

}
