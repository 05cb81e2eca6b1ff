package dev.vectorjpa.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.vectorjpa.benchmarks.competitors.JpaSaveAllIngester;
import dev.vectorjpa.benchmarks.competitors.LangChain4jStore;
import dev.vectorjpa.benchmarks.competitors.RawCopyIngester;
import dev.vectorjpa.benchmarks.competitors.SpringAiStore;
import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.report.Charts;
import dev.vectorjpa.benchmarks.report.Report;
import dev.vectorjpa.benchmarks.run.Ingester;

/** Ingest rows/s of every competitor into its own index-less table, 10,000 rows per call. */
final class IngestSection {

	private IngestSection() {
	}

	private static final int ROUNDS = 3;

	static void run(Context ctx) throws Exception {
		Report report = ctx.report;
		report.heading(2, "1. Ingest");
		report.paragraph("Each competitor writes the same rows (uuid id, text, category, vector) into a fresh table of its "
				+ "own without a vector index, " + Report.number(Ingester.CHUNK, 0) + " rows per call, each call its own "
				+ "transaction. Spring AI gets the precomputed vectors through a stub `EmbeddingModel` and a pass-through "
				+ "`BatchingStrategy` (no token counting). JPA `saveAll` is tuned: `hibernate.jdbc.batch_size=1000`, "
				+ "`reWriteBatchedInserts=true`, and the entity implements `Persistable` so that assigned ids are inserted, "
				+ "not merged. Each competitor loads " + ROUNDS + " times, interleaved with the others (the order rotating), "
				+ "into a freshly created table; the table gives the median rate.");
		report.code("sh", ctx.command + " --only ingest");
		List<String> categories = new ArrayList<>();
		Map<String, List<Double>> bars = new LinkedHashMap<>();
		for (String name : new String[] { "s384", "s1536" }) {
			Dataset dataset = ctx.datasets.get(name);
			if (dataset == null) {
				continue;
			}
			int rows = Math.min(dataset.size(), name.equals("s384") ? ctx.scale.ingestRows() : ctx.scale.ingestRows() / 2);
			System.out.printf("ingest: %,d rows of %s%n", rows, name);
			List<Ingester> ingesters = new ArrayList<>();
			ingesters.add(new RawCopyIngester(ctx.db, "ingest_copy"));
			Ingester ours = ctx.ours.ingester(dataset);
			ingesters.add(ours);
			if (dataset.dimensions() == 384) {
				ingesters.add(new JpaSaveAllIngester(ctx.db, ctx.competitors.jpaIngest(), ctx.competitors.transactions()));
			}
			ingesters.add(SpringAiStore.ingester(ctx.db, dataset));
			ingesters.add(LangChain4jStore.ingester(ctx.db, dataset));
			ingesters.removeIf(Objects::isNull);
			// ROUNDS interleaved rounds (order rotating), the median rate of each: one load of a few seconds on a
			// shared 2-core machine is noisy.
			Map<String, List<Double>> samples = new LinkedHashMap<>();
			for (int round = 0; round < ROUNDS; round++) {
				for (int i = 0; i < ingesters.size(); i++) {
					Ingester ingester = ingesters.get((i + round) % ingesters.size());
					samples.computeIfAbsent(ingester.name(), (k) -> new ArrayList<>()).add(measure(ingester, dataset, rows));
				}
			}
			Map<String, Double> rates = new LinkedHashMap<>();
			for (Ingester ingester : ingesters) {
				List<Double> sorted = samples.get(ingester.name()).stream().sorted().toList();
				rates.put(ingester.name(), sorted.get(sorted.size() / 2));
			}
			double copy = rates.getOrDefault("raw JDBC binary COPY", 0.0);
			double oursRate = rates.getOrDefault("vector-jpa bulkInsert", 0.0);
			if (name.equals("s384")) {
				double jpa = rates.getOrDefault("JPA saveAll (batched)", 0.0);
				double springAi = rates.getOrDefault("Spring AI PgVectorStore.add", 0.0);
				ingestTarget("bulkInsert ≥ 0.8× raw binary COPY", oursRate, copy, 0.8);
				ingestTarget("bulkInsert ≥ 5× JPA batched saveAll", oursRate, jpa, 5);
				ingestTarget("bulkInsert ≥ 5× Spring AI add", oursRate, springAi, 5);
			}
			List<List<String>> table = new ArrayList<>();
			if (ours == null) {
				table.add(List.of("vector-jpa bulkInsert", ctx.ours.bulkInsertUnavailableReason(), "", ""));
			}
			for (Map.Entry<String, Double> e : rates.entrySet()) {
				table.add(List.of(e.getKey(), Report.number(e.getValue(), 0), Report.ratio(e.getValue(), copy),
						Report.ratio(oursRate, e.getValue())));
			}
			report.heading(3, "Ingest, " + name + " (" + Report.number(rows, 0) + " rows of " + dataset.dimensions()
					+ " dims)");
			report.table(List.of("competitor", "rows/s", "vs raw COPY", "bulkInsert is ×"), table);
			categories.add(name);
			for (Map.Entry<String, Double> e : rates.entrySet()) {
				bars.computeIfAbsent(e.getKey(), (k) -> new ArrayList<>());
			}
			for (Map.Entry<String, List<Double>> e : bars.entrySet()) {
				while (e.getValue().size() < categories.size() - 1) {
					e.getValue().add(0.0);
				}
				e.getValue().add(rates.getOrDefault(e.getKey(), 0.0));
			}
		}
		if (!categories.isEmpty()) {
			Charts.bars(report.plotDirectory().resolve("ingest.png"), "Ingest rows/s (higher is better)", "rows/s",
					categories, bars);
			report.image("Ingest rows per second", "ingest.png");
		}
	}

	private static void ingestTarget(String target, double ours, double other, double wanted) {
		if (ours <= 0 || other <= 0) {
			ReadingSection.target(target, "bulkInsert not yet available", null);
		}
		else {
			ReadingSection.target(target, Report.ratio(ours, other), ours / other >= wanted);
		}
	}

	private static double measure(Ingester ingester, Dataset dataset, int rows) throws Exception {
		ingester.prepare(dataset);
		// Warm-up: one chunk written and discarded, so that class loading and JIT are not timed.
		int warm = Math.min(rows, 1000);
		ingester.write(dataset, 0, warm);
		ingester.prepare(dataset);
		long start = System.nanoTime();
		for (int from = 0; from < rows; from += Ingester.CHUNK) {
			ingester.write(dataset, from, Math.min(rows, from + Ingester.CHUNK));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long count = ingester.count();
		if (count != rows) {
			throw new IllegalStateException(ingester.name() + " wrote " + count + " rows, expected " + rows);
		}
		double rate = rows / seconds;
		System.out.printf("    %-34s %,10.0f rows/s (%.1f s)%n", ingester.name(), rate, seconds);
		return rate;
	}

}
