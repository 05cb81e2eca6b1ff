package dev.vectorjpa.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.benchmarks.competitors.PgvectorDaoSearcher;
import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.GroundTruth;
import dev.vectorjpa.benchmarks.data.ManPageCorpus;
import dev.vectorjpa.benchmarks.data.TextDataset;
import dev.vectorjpa.benchmarks.db.BenchTables;
import dev.vectorjpa.benchmarks.report.Report;
import dev.vectorjpa.benchmarks.run.LoadRunner;
import dev.vectorjpa.benchmarks.run.Measurement;
import dev.vectorjpa.benchmarks.run.Rounds;
import dev.vectorjpa.benchmarks.run.Searcher;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.repository.SearchOptions;

/**
 * k=10 queries on real sentence embeddings (manual-page passages, all-MiniLM-L6-v2), where the server's share of a
 * query is small and the client's cost shows: {@code findNearest} and a derived {@code findNearestBySection} against
 * the hand-written pgvector-java DAO with and without the same filter.
 */
final class TextSection {

	/** The section value the derived search filters on: half of the rows. */
	static final String SECTION = "s50";

	private static final int ROUNDS = 3;

	private static final int WARMUP_QUERIES = 15_000;

	private TextSection() {
	}

	/** Loads (or reads from the cache) the data set, loads {@code bench_text} when needed and builds its HNSW index. */
	static void prepare(Context ctx) throws Exception {
		boolean small = ctx.scale.name().equals("small");
		System.out.println("data: sentence embeddings of manual-page passages");
		// -Dvector-jpa.benchmarks.text-rows=N: fewer rows than the scale's (while the first embedding run is under way)
		int rows = Integer.getInteger("vector-jpa.benchmarks.text-rows", small ? 5_000 : 63_000);
		TextDataset text = TextDataset.load(ManPageCorpus.DEFAULT_DIRECTORY, rows, small ? 200 : 1_000, ctx.cache);
		ctx.text = text;
		Dataset dataset = text.vectors();
		String table = BenchTables.table(dataset);
		if (!ctx.tables.isLoaded(dataset)) {
			ctx.tables.load(text);
		}
		else {
			System.out.printf("  %s already holds the data set: not reloaded%n", table);
		}
		ctx.tables.dropVectorIndexes(table);
		ctx.build(dataset, BenchTables.index(dataset, table, IndexType.HNSW, 0, null, null), "HNSW m=16, ef_construction=64");
	}

	static void run(Context ctx) throws Exception {
		TextDataset text = ctx.text;
		Dataset dataset = text.vectors();
		String table = BenchTables.table(dataset);
		Report report = ctx.report;
		report.heading(2, "6. Queries on real sentence embeddings (k = 10)");
		report.paragraph(Report.number(dataset.size(), 0) + " passages of the English manual pages installed on the "
				+ "benchmark machine (`/usr/share/man/man1..8`, paragraphs of at least 8 words cut to 320 characters, a "
				+ "seeded draw; corpus hash " + text.corpusHash() + "), embedded in-process with LangChain4j's ONNX "
				+ "all-MiniLM-L6-v2 (quantized, 384 dims, cosine); " + Report.number(dataset.queries().length, 0)
				+ " held-out passages are the queries. Each row has a `section` drawn independently of its text: "
				+ "0.1 %, 1 %, 10 %, 50 % of the rows, the rest \"rest\". HNSW m = 16, ef_construction = 64, server "
				+ "default `hnsw.ef_search` = 40. A query costs the server a fraction of a millisecond here, so the client "
				+ "shows. The ceiling is *pgvector-java DAO*: `PGvector.addVectorType` on its connections (binary vectors "
				+ "both ways), one reused `PreparedStatement` per connection, every column read, on a pool of its own; "
				+ "*… WHERE section* is the same DAO with `WHERE section = '" + SECTION + "'`, the ceiling of the derived "
				+ "`findNearestBySection(query, \"" + SECTION + "\", 10)`. vector-jpa runs with default configuration "
				+ "except the *(binary transfer)* rows (`vector-jpa.binary-transfer=true`, a pool of their own). Every client "
				+ "first answers the same number of warm-up queries (15,000 at the default scale); rounds and the client "
				+ "CPU and allocation columns as in section 2.");
		report.code("sh", ctx.command + " --only text");
		String op = dataset.metric().operator();
		Searcher dao = new PgvectorDaoSearcher("pgvector-java DAO", ctx.db.isolatedDataSource("dao"),
				PgvectorDaoSearcher.sql(table, op, null));
		Searcher daoFiltered = new PgvectorDaoSearcher("pgvector-java DAO WHERE section",
				ctx.db.isolatedDataSource("dao-where"), PgvectorDaoSearcher.sql(table, op, "section = ?"), SECTION);
		List<Searcher> plain = new ArrayList<>(List.of(dao));
		List<Searcher> filtered = new ArrayList<>(List.of(daoFiltered));
		Searcher ours = ctx.ours.searcher(dataset, SearchOptions.none());
		Searcher oursFiltered = ctx.ours.sectionSearcher(SECTION);
		Searcher binary = (ours != null) ? ctx.ours.binaryTransferSearcher(dataset) : null;
		for (Searcher s : new Searcher[] { ours, binary }) {
			if (s != null) {
				plain.add(s);
			}
		}
		if (oursFiltered != null) {
			filtered.add(oursFiltered);
		}
		List<List<String>> plans = new ArrayList<>();
		for (Searcher searcher : plain) {
			plans.add(explain(ctx, searcher, dataset));
		}
		for (Searcher searcher : filtered) {
			plans.add(explain(ctx, searcher, dataset));
		}
		Map<Searcher, LoadRunner> runners = new LinkedHashMap<>();
		LoadRunner all = new LoadRunner(dataset, GroundTruth.of(dataset, null, Context.K, ctx.cache), Context.K);
		LoadRunner section = new LoadRunner(dataset, GroundTruth.of(dataset, SECTION, Context.K, ctx.cache), Context.K);
		plain.forEach((s) -> runners.put(s, all));
		filtered.forEach((s) -> runners.put(s, section));
		List<Searcher> searchers = new ArrayList<>(runners.keySet());
		// equal warm-up for every client, long enough for the JIT to finish with Hibernate's larger code paths
		int warmup = ctx.scale.name().equals("small") ? 1_500 : WARMUP_QUERIES;
		System.out.printf("  warming up every client (%,d queries each)%n", warmup);
		for (Searcher searcher : searchers) {
			for (int i = 0; i < warmup; i++) {
				searcher.search(dataset.queries()[i % dataset.queries().length], Context.K);
			}
		}
		Map<String, Map<Integer, Measurement>> results = Rounds.interleaved(searchers, runners::get, ctx.scale.threads(),
				ROUNDS, ctx.scale.warmup(), ctx.scale.seconds());
		if (ours == null) {
			report.paragraph("vector-jpa `findNearest`: " + ctx.ours.unavailableReason() + ".");
		}
		List<List<String>> rows = new ArrayList<>();
		for (Searcher searcher : searchers) {
			Searcher ceiling = filtered.contains(searcher) ? daoFiltered : dao;
			for (Measurement m : results.get(searcher.name()).values()) {
				Measurement base = results.get(ceiling.name()).get(m.threads());
				rows.add(List.of(m.name(), String.valueOf(m.threads()), Report.number(m.qps(), 0),
						Report.number(m.p50Millis(), 2), Report.number(m.p99Millis(), 2), Report.number(m.recall(), 3),
						(m.bytesPerQuery() >= 0) ? Report.number(m.bytesPerQuery(), 0) : "",
						(m.cpuMicrosPerQuery() >= 0) ? Report.number(m.cpuMicrosPerQuery(), 0) : "",
						Report.ratio(m.qps(), base.qps()),
						(m.cpuMicrosPerQuery() >= 0) ? Report.ratio(m.cpuMicrosPerQuery(), base.cpuMicrosPerQuery()) : ""));
			}
		}
		report.table(List.of("client", "threads", "QPS", "p50 ms", "p99 ms", "recall@10", "B/query",
				"client CPU µs/query", "QPS vs its DAO", "CPU vs its DAO"), rows);
		targets(results, ours, dao);
		targets(results, oursFiltered, daoFiltered);
		report.paragraph("The SQL each client sent and whether PostgreSQL's plan uses the HNSW index:");
		report.table(List.of("client", "SQL as sent", "index scan"), plans);
	}

	// a DAO keeps the connection it first gets: the capture's would record every later query's bindings
	private static List<String> explain(Context ctx, Searcher searcher, Dataset dataset) throws Exception {
		if (!(searcher instanceof PgvectorDaoSearcher dao)) {
			return QuerySection.explain(ctx, searcher, dataset);
		}
		PgvectorDaoSearcher captured = dao.copy();
		try {
			return QuerySection.explain(ctx, captured, dataset);
		}
		finally {
			captured.close();
		}
	}

	private static void targets(Map<String, Map<Integer, Measurement>> results, Searcher ours, Searcher dao) {
		String call = (ours != null) ? ours.name().replace("vector-jpa ", "") : "findNearest";
		for (int threads : new int[] { 1, 4 }) {
			String target = "real text: " + call + " QPS ≥ 0.9× " + dao.name() + ", " + threads + " thread"
					+ ((threads > 1) ? "s" : "") + ((threads == 1) ? "; client CPU ≤ 2×" : "");
			Measurement base = results.get(dao.name()).get(threads);
			Measurement o = (ours != null) ? results.get(ours.name()).get(threads) : null;
			if (base == null || o == null) {
				ReadingSection.target(target, (ours == null) ? "not available" : "not run at this scale", null);
				continue;
			}
			boolean cpu = threads != 1 || o.cpuMicrosPerQuery() <= 2 * base.cpuMicrosPerQuery();
			String client = (threads == 1) ? "; client CPU " + Report.number(o.cpuMicrosPerQuery(), 0) + " vs "
					+ Report.number(base.cpuMicrosPerQuery(), 0) + " µs/query (" + Report.ratio(o.cpuMicrosPerQuery(),
							base.cpuMicrosPerQuery()) + "), " + Report.number(o.bytesPerQuery(), 0) + " vs "
					+ Report.number(base.bytesPerQuery(), 0) + " B/query" : "";
			ReadingSection.target(target, Report.ratio(o.qps(), base.qps()) + " (" + Report.number(o.qps(), 0) + " vs "
					+ Report.number(base.qps(), 0) + " QPS; recall " + Report.number(o.recall(), 3) + " vs "
					+ Report.number(base.recall(), 3) + client + ")", o.qps() / base.qps() >= 0.9 && cpu);
		}
	}

}
