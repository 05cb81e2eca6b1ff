package dev.vectorjpa.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.benchmarks.competitors.LangChain4jStore;
import dev.vectorjpa.benchmarks.competitors.RawJdbcSearcher;
import dev.vectorjpa.benchmarks.competitors.SameSqlSearcher;
import dev.vectorjpa.benchmarks.competitors.SpringAiStore;
import dev.vectorjpa.benchmarks.competitors.SpringDataJpaSearcher;
import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.GroundTruth;
import dev.vectorjpa.benchmarks.db.BenchTables;
import dev.vectorjpa.benchmarks.db.SqlCapture;
import dev.vectorjpa.benchmarks.report.Charts;
import dev.vectorjpa.benchmarks.report.Report;
import dev.vectorjpa.benchmarks.run.LoadRunner;
import dev.vectorjpa.benchmarks.run.Measurement;
import dev.vectorjpa.benchmarks.run.Rounds;
import dev.vectorjpa.benchmarks.run.Searcher;
import dev.vectorjpa.repository.SearchOptions;

/** k=10 query throughput and latency of every competitor on the same table and HNSW index, at 1..8 threads. */
final class QuerySection {

	private static final int ROUNDS = 3;

	private static final int WARMUP_QUERIES = 1_500;

	private QuerySection() {
	}

	static void run(Context ctx) throws Exception {
		Report report = ctx.report;
		report.heading(2, "2. Query throughput and latency (k = 10)");
		report.paragraph("All competitors search the same rows through the same HNSW index (m = 16, ef_construction = 64, "
				+ "server default `hnsw.ef_search` = 40), through pools of the same size on the same server. Spring AI "
				+ "and LangChain4j expect their own column names, so they read the shared table through a plain view with those names "
				+ "(PostgreSQL inlines it; the plans below show the same index scan). Each configuration: "
				+ ctx.scale.warmup() + " warm-up queries, then " + ctx.scale.seconds() + " s timed, as " + ROUNDS + " runs of "
				+ Report.number(ctx.scale.seconds() / ROUNDS, 1) + " s interleaved with the other competitors' (so that a "
				+ "drift of the shared machine spreads over all of them), after " + WARMUP_QUERIES + " warm-up queries of "
				+ "every client before the first timed run; latency percentiles "
				+ "are exact (every query timed); B/query is Java heap allocated per query on the client "
				+ "(single thread, `ThreadMXBean#getThreadAllocatedBytes`), client CPU µs/query the CPU time of the calling "
				+ "thread per query (single thread, `ThreadMXBean#getCurrentThreadCpuTime`: far less noisy than QPS on a "
				+ "shared 2-core machine, it isolates what the client library costs). *raw JDBC (hand-written)* is the obvious "
				+ "prepared statement; *raw JDBC (same SQL as vector-jpa)* replays, through plain JDBC, the very statement "
				+ "vector-jpa was captured sending (same text, same parameter bindings, same `SET LOCAL`s), reading every "
				+ "column: it is the ceiling the `findNearest` target is measured against. *vector-jpa findNearest (binary "
				+ "transfer)* is the same call with the opt-in `vector-jpa.binary-transfer=true` (vectors arrive in "
				+ "pgvector's binary form), on a pool of its own; LangChain4j and Spring AI also get pools of their own, "
				+ "because LangChain4j switches the connections it uses to binary transfer too.");
		report.code("sh", ctx.command + " --only query");
		for (String name : new String[] { "s384", "s1536" }) {
			Dataset dataset = ctx.datasets.get(name);
			if (dataset != null) {
				runDataset(ctx, dataset);
			}
		}
	}

	private static void runDataset(Context ctx, Dataset dataset) throws Exception {
		Report report = ctx.report;
		String table = BenchTables.table(dataset);
		System.out.printf("query: %s%n", table);
		GroundTruth truth = GroundTruth.of(dataset, null, Context.K, ctx.cache);
		RawJdbcSearcher handWritten = new RawJdbcSearcher("raw JDBC (hand-written)", ctx.db.dataSource(),
				RawJdbcSearcher.sql(table, dataset.metric(), null), List.of());
		List<Searcher> searchers = new ArrayList<>();
		searchers.add(handWritten);
		Searcher ours = ctx.ours.searcher(dataset, SearchOptions.none());
		// The ceiling our API is held to: raw JDBC replaying the very statement vector-jpa sends.
		Searcher raw = handWritten;
		Searcher sameSqlSource = ours;
		if (sameSqlSource != null) {
			SqlCapture.Captured statement = capture(sameSqlSource, dataset);
			if (statement != null) {
				raw = new SameSqlSearcher("raw JDBC (same SQL as vector-jpa)", ctx.db.dataSource(), statement,
						dataset.queries()[0]);
				searchers.add(raw);
			}
		}
		if (ours != null) {
			searchers.add(ours);
			// the same API with vector-jpa.binary-transfer=true, on a pool of its own
			Searcher binary = ctx.ours.binaryTransferSearcher(dataset);
			if (binary != null) {
				searchers.add(binary);
			}
		}
		if (dataset.dimensions() == 384) {
			searchers.add(new SpringDataJpaSearcher(ctx.competitors.springDataDocuments()));
		}
		searchers.add(SpringAiStore.searcher(ctx.db, dataset, table));
		searchers.add(LangChain4jStore.searcher(ctx.db, dataset, table));

		List<List<String>> plans = new ArrayList<>();
		for (Searcher searcher : searchers) {
			plans.add(explain(ctx, searcher, dataset));
		}
		LoadRunner runner = new LoadRunner(dataset, truth, Context.K);
		// Every client is warmed up before anything is timed: the JIT compiles Hibernate-based clients' much larger
		// code paths for longer, and the first timed configuration (1 thread) would otherwise pay for it.
		System.out.println("  warming up every client");
		for (Searcher searcher : searchers) {
			for (int i = 0; i < WARMUP_QUERIES; i++) {
				searcher.search(dataset.queries()[i % dataset.queries().length], Context.K);
			}
		}
		Map<String, Map<Integer, Measurement>> results = Rounds.interleaved(searchers, (s) -> runner, ctx.scale.threads(),
				ROUNDS, ctx.scale.warmup(), ctx.scale.seconds());
		report.heading(3, "Queries, " + dataset.name() + " (" + Report.number(dataset.size(), 0) + " rows, "
				+ dataset.dimensions() + " dims, cosine)");
		if (ours == null) {
			report.paragraph("vector-jpa `findNearest`: " + ctx.ours.unavailableReason() + ".");
		}
		List<String> headers = new ArrayList<>(List.of("competitor", "threads", "QPS", "p50 ms", "p99 ms", "recall@10",
				"B/query", "client CPU µs/query", "QPS vs " + raw.name()));
		List<List<String>> rows = new ArrayList<>();
		for (Map.Entry<String, Map<Integer, Measurement>> e : results.entrySet()) {
			for (Measurement m : e.getValue().values()) {
				Measurement base = results.get(raw.name()).get(m.threads());
				rows.add(List.of(m.name(), String.valueOf(m.threads()), Report.number(m.qps(), 0),
						Report.number(m.p50Millis(), 2), Report.number(m.p99Millis(), 2), Report.number(m.recall(), 3),
						(m.bytesPerQuery() >= 0) ? Report.number(m.bytesPerQuery(), 0) : "",
						(m.cpuMicrosPerQuery() >= 0) ? Report.number(m.cpuMicrosPerQuery(), 0) : "",
						Report.ratio(m.qps(), base.qps())));
			}
		}
		report.table(headers, rows);
		if (dataset.dimensions() == 384) {
			for (int threads : new int[] { 1, 4 }) {
				String target = "findNearest QPS ≥ 0.9× raw JDBC, same SQL, " + threads + " thread" + (threads > 1 ? "s" : "");
				Measurement base = results.get(raw.name()).get(threads);
				Measurement o = (ours != null && results.containsKey(ours.name())) ? results.get(ours.name()).get(threads) : null;
				if (base == null || o == null) {
					ReadingSection.target(target, (ours == null) ? "findNearest not yet available" : "not run at this scale", null);
				}
				else {
					String client = (threads == 1) ? "; client CPU " + Report.number(o.cpuMicrosPerQuery(), 0) + " vs "
							+ Report.number(base.cpuMicrosPerQuery(), 0) + " µs/query, " + Report.number(o.bytesPerQuery(), 0)
							+ " vs " + Report.number(base.bytesPerQuery(), 0) + " B/query" : "";
					ReadingSection.target(target, Report.ratio(o.qps(), base.qps()) + " (" + Report.number(o.qps(), 0) + " vs "
							+ Report.number(base.qps(), 0) + " QPS; recall " + Report.number(o.recall(), 3) + " vs "
							+ Report.number(base.recall(), 3) + client + ")", o.qps() / base.qps() >= 0.9);
				}
			}
		}
		report.paragraph("The SQL each competitor sent (captured at the JDBC driver, vector literals shortened) and whether "
				+ "PostgreSQL's plan for it uses the HNSW index:");
		report.table(List.of("competitor", "SQL as sent", "index scan"), plans);
		List<String> categories = new ArrayList<>();
		for (int threads : ctx.scale.threads()) {
			categories.add(threads + " thread" + (threads == 1 ? "" : "s"));
		}
		Map<String, List<Double>> bars = new LinkedHashMap<>();
		for (Map.Entry<String, Map<Integer, Measurement>> e : results.entrySet()) {
			bars.put(e.getKey(), e.getValue().values().stream().map(Measurement::qps).toList());
		}
		String file = "query-" + dataset.name() + ".png";
		Charts.bars(ctx.report.plotDirectory().resolve(file), "k=10 queries per second, " + dataset.name(), "QPS",
				categories, bars);
		report.image("Query QPS, " + dataset.name(), file);
	}

	/** The nearest-neighbour statement one search of {@code searcher} sends, or {@code null}. */
	static SqlCapture.Captured capture(Searcher searcher, Dataset dataset) throws Exception {
		List<SqlCapture.Captured> captured = SqlCapture.capture(() -> searcher.search(dataset.queries()[0], Context.K));
		return captured.stream().filter(SqlCapture.Captured::isNearestQuery).findFirst().orElse(null);
	}

	/**
	 * How PostgreSQL plans the nearest-neighbour statement one search of {@code searcher} sends (with its
	 * {@code SET LOCAL}s): "HNSW index", "IVFFlat index", or "exact scan" when the planner sorts every row instead.
	 */
	static String plan(Context ctx, Searcher searcher, Dataset dataset) throws Exception {
		SqlCapture.Captured query = capture(searcher, dataset);
		if (query == null) {
			return "?";
		}
		String plan = ctx.db.dataSource().explain(query);
		String scan = plan.lines().filter((l) -> l.contains("Index Scan using")).findFirst().orElse("");
		if (scan.contains("hnsw")) {
			return "HNSW index";
		}
		if (scan.contains("ivfflat")) {
			return "IVFFlat index";
		}
		return scan.isEmpty() ? "exact scan" : "other index";
	}

	/** Captures the SQL one search sends and EXPLAINs the nearest-neighbour statement. */
	static List<String> explain(Context ctx, Searcher searcher, Dataset dataset) throws Exception {
		SqlCapture.Captured query = capture(searcher, dataset);
		if (query == null) {
			return List.of(searcher.name(), "(no ORDER BY … LIMIT statement captured)", "?");
		}
		String plan = ctx.db.dataSource().explain(query);
		boolean index = plan.contains("Index Scan using") && (plan.contains("hnsw") || plan.contains("ivfflat")
				|| plan.contains("_idx"));
		System.out.printf("  %s SQL: %s%n  plan: %s%n", searcher.name(), query.display(),
				plan.lines().limit(3).map(SqlCapture::shorten).toList());
		String settings = query.settings().isEmpty() ? "" : "`" + String.join("; ", query.settings()) + "`; ";
		return List.of(searcher.name(), settings + "`" + query.display() + "`",
				index ? "yes: " + SqlCapture.shorten(plan.lines().filter((l) -> l.contains("Index Scan")).findFirst().orElse("")
					.replace("->", "").replaceAll("\\(cost=.*", ""))
				: "no: " + SqlCapture.shorten(plan.lines().limit(4).reduce((a, b) -> a + " / " + b).orElse("")
					.replace("->", "").replaceAll("\\(cost=[^)]*\\)", "")));
	}

}
