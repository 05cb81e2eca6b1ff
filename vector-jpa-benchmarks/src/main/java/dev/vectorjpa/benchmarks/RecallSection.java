package dev.vectorjpa.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.benchmarks.competitors.RawJdbcSearcher;
import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.GroundTruth;
import dev.vectorjpa.benchmarks.db.BenchTables;
import dev.vectorjpa.benchmarks.report.Charts;
import dev.vectorjpa.benchmarks.report.Report;
import dev.vectorjpa.benchmarks.run.LoadRunner;
import dev.vectorjpa.benchmarks.run.Measurement;
import dev.vectorjpa.benchmarks.run.Searcher;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.repository.SearchOptions;

/** Recall/QPS curves on fashion-mnist-784-euclidean: HNSW over ef_search, IVFFlat over probes. */
final class RecallSection {

	// Each query once, unless a configuration is so slow (an exact scan) that this bounds it.
	private static final double MAX_SECONDS = 60;

	private RecallSection() {
	}

	static void run(Context ctx) throws Exception {
		Dataset dataset = ctx.datasets.get("fmnist");
		Report report = ctx.report;
		String table = BenchTables.table(dataset);
		report.heading(2, "3. Recall / QPS on fashion-mnist-784-euclidean");
		report.paragraph("Base: the " + Report.number(dataset.size(), 0) + " Fashion-MNIST training images, queries: the "
				+ "first " + Report.number(dataset.queries().length, 0) + " test images (raw pixel values, L2), ground truth "
				+ "by exact search in Java. recall@10 is counted the ann-benchmarks way: a result counts when its distance "
				+ "is at most the true 10th distance + 1e-3. One client thread, each query once; the parameter is applied "
				+ "with `SET LOCAL` in the query's transaction, by raw JDBC and by vector-jpa's `SearchOptions` alike. The vectors (3,144 bytes) are stored inline "
				+ "(`SET STORAGE PLAIN`): TOASTed, they make the table look so cheap to scan that from ef_search = 120 on "
				+ "the planner drops the HNSW index for an exact scan. *plan* is PostgreSQL's plan for the statement at "
				+ "that setting (EXPLAIN).");
		report.code("sh", ctx.command + " --only recall");
		GroundTruth truth = GroundTruth.of(dataset, null, Context.K, ctx.cache);
		LoadRunner runner = new LoadRunner(dataset, truth, Context.K);
		String sql = RawJdbcSearcher.sql(table, dataset.metric(), null);
		List<Charts.Series> series = new ArrayList<>();

		ctx.tables.dropVectorIndexes(table);
		ctx.build(dataset, BenchTables.index(dataset, table, IndexType.HNSW, 0, null, null), "HNSW m=16, ef_construction=64");
		List<List<String>> hnswRows = new ArrayList<>();
		List<double[]> rawHnsw = new ArrayList<>();
		List<double[]> oursHnsw = new ArrayList<>();
		System.out.println("recall: HNSW ef_search sweep");
		for (int ef : ctx.scale.efSearch()) {
			RawJdbcSearcher rawSearcher = new RawJdbcSearcher("raw JDBC ef_search=" + ef, ctx.db.dataSource(), sql,
					List.of("SET LOCAL hnsw.ef_search = " + ef));
			String plan = QuerySection.plan(ctx, rawSearcher, dataset);
			Measurement raw = runner.run(rawSearcher, 1, ctx.scale.warmup() / 3, MAX_SECONDS, dataset.queries().length);
			rawHnsw.add(new double[] { raw.recall(), raw.qps() });
			Searcher oursSearcher = ctx.ours.searcher(dataset, SearchOptions.builder().efSearch(ef).build());
			Measurement ours = (oursSearcher != null)
					? runner.run(oursSearcher, 1, ctx.scale.warmup() / 3, MAX_SECONDS, dataset.queries().length) : null;
			if (ours != null) {
				oursHnsw.add(new double[] { ours.recall(), ours.qps() });
			}
			hnswRows.add(row("ef_search = " + ef, plan, raw, ours));
		}
		report.heading(3, "HNSW (m = 16, ef_construction = 64)");
		report.table(headers(), hnswRows);
		series.add(new Charts.Series("HNSW raw JDBC", rawHnsw));
		series.add(new Charts.Series("HNSW vector-jpa", oursHnsw));

		int lists = Math.max(10, dataset.size() / 1000);
		ctx.tables.dropVectorIndexes(table);
		ctx.build(dataset, BenchTables.index(dataset, table, IndexType.IVFFLAT, lists, null, null), "IVFFlat lists=" + lists);
		List<List<String>> ivfRows = new ArrayList<>();
		List<double[]> rawIvf = new ArrayList<>();
		List<double[]> oursIvf = new ArrayList<>();
		System.out.println("recall: IVFFlat probes sweep");
		for (int probes : ctx.scale.probes()) {
			if (probes > lists) {
				continue;
			}
			RawJdbcSearcher rawSearcher = new RawJdbcSearcher("raw JDBC probes=" + probes, ctx.db.dataSource(), sql,
					List.of("SET LOCAL ivfflat.probes = " + probes));
			String plan = QuerySection.plan(ctx, rawSearcher, dataset);
			Measurement raw = runner.run(rawSearcher, 1, ctx.scale.warmup() / 3, MAX_SECONDS, dataset.queries().length);
			rawIvf.add(new double[] { raw.recall(), raw.qps() });
			Searcher oursSearcher = ctx.ours.searcher(dataset, SearchOptions.builder().probes(probes).build());
			Measurement ours = (oursSearcher != null)
					? runner.run(oursSearcher, 1, ctx.scale.warmup() / 3, MAX_SECONDS, dataset.queries().length) : null;
			if (ours != null) {
				oursIvf.add(new double[] { ours.recall(), ours.qps() });
			}
			ivfRows.add(row("probes = " + probes, plan, raw, ours));
		}
		ctx.tables.dropVectorIndexes(table);
		report.heading(3, "IVFFlat (lists = " + lists + ")");
		report.table(headers(), ivfRows);
		series.add(new Charts.Series("IVFFlat raw JDBC", rawIvf));
		series.add(new Charts.Series("IVFFlat vector-jpa", oursIvf));
		if (ctx.ours.unavailableReason() != null) {
			report.paragraph("vector-jpa columns: " + ctx.ours.unavailableReason() + ".");
		}
		Charts.recallQps(report.plotDirectory().resolve("recall-fmnist.png"),
				"fashion-mnist-784-euclidean, k=10 (up and right is better)", series);
		report.image("QPS against recall, fashion-mnist-784-euclidean", "recall-fmnist.png");
		report.paragraph(AnnBenchmarks.PUBLISHED);
	}

	private static List<String> headers() {
		return List.of("parameter", "plan", "raw JDBC recall", "raw JDBC QPS", "vector-jpa recall", "vector-jpa QPS",
				"vector-jpa QPS vs raw");
	}

	private static List<String> row(String parameter, String plan, Measurement raw, Measurement ours) {
		return List.of(parameter, plan, Report.number(raw.recall(), 3), Report.number(raw.qps(), 0),
				(ours != null) ? Report.number(ours.recall(), 3) : "n/a", (ours != null) ? Report.number(ours.qps(), 0) : "n/a",
				(ours != null) ? Report.ratio(ours.qps(), raw.qps()) : "n/a");
	}

}
