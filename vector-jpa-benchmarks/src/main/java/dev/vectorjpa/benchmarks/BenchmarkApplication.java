package dev.vectorjpa.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.FashionMnist;
import dev.vectorjpa.benchmarks.data.SyntheticDataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.db.BenchTables;
import dev.vectorjpa.benchmarks.report.Report;
import dev.vectorjpa.mapping.IndexType;

/**
 * Runs the benchmarks and writes {@code docs/benchmarks.md}. Usually started by {@code scripts/benchmark.sh}.
 * <p>
 * Arguments: {@code --jdbc-url URL} (required), {@code --scale small|default|large}, {@code --only
 * ingest,query,recall,filtered,build,text,text-filtered}, {@code --out docs/benchmarks.md}, {@code --cache DIR} (ground
 * truth).
 */
public final class BenchmarkApplication {

	private static final Set<String> SECTIONS = Set.of("ingest", "query", "recall", "filtered", "build", "text",
			"text-filtered");

	// Held so that the level sticks: Hibernate logs through java.util.logging here, INFO is start-up noise.
	private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

	private BenchmarkApplication() {
	}

	/** Entry point. */
	public static void main(String[] args) throws Exception {
		HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
		String url = null;
		String scaleName = "default";
		Set<String> only = new LinkedHashSet<>(List.of("build", "ingest", "query", "recall", "filtered", "text",
				"text-filtered"));
		Path out = Path.of("docs/benchmarks.md");
		Path cache = Path.of(System.getProperty("user.home"), ".cache", "vector-jpa-benchmarks");
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			switch (args[i]) {
				case "--jdbc-url" -> url = value;
				case "--scale" -> scaleName = value;
				case "--only" -> {
					only = new LinkedHashSet<>(List.of(value.split(",")));
					for (String section : only) {
						if (!SECTIONS.contains(section)) {
							throw new IllegalArgumentException("Unknown section '" + section + "' in --only; use " + SECTIONS);
						}
					}
				}
				case "--out" -> out = Path.of(value);
				case "--cache" -> cache = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'");
			}
			i++;
		}
		if (url == null) {
			throw new IllegalArgumentException("--jdbc-url is required (scripts/benchmark.sh passes scripts/db.sh's URL)");
		}
		Scale scale = Scale.of(scaleName);
		String command = "scripts/benchmark.sh --scale " + scale.name();
		Instant started = Instant.now();
		Report report = new Report(out);
		try (BenchDatabase db = new BenchDatabase(url, 10)) {
			EnvironmentSection.write(report, db, scale, command, only);
			try (Competitors competitors = new Competitors(db); OurLibrary ours = OurLibrary.start(db)) {
				Context ctx = new Context(scale, command, db, cache, report, competitors, ours);
				prepare(ctx, only);
				if (only.contains("ingest")) {
					IngestSection.run(ctx);
				}
				if (only.contains("query")) {
					QuerySection.run(ctx);
				}
				if (only.contains("recall")) {
					RecallSection.run(ctx);
				}
				if (only.contains("filtered")) {
					FilteredSection.run(ctx);
				}
				if (only.contains("build") || !ctx.builds.isEmpty()) {
					report.heading(2, "5. Index build time");
					report.paragraph("HNSW m = 16, ef_construction = 64 (and the other indexes the run built), built "
							+ "through vector-jpa's `VectorIndexManager` with `maintenance_work_mem = 1GB`; on pgvector "
							+ "< 0.8.2 it builds HNSW indexes without parallel workers (`max_parallel_maintenance_workers "
							+ "= 0`: parallel HNSW builds in those versions have a known bug), so these are single-core "
							+ "builds. Progress is printed every 10 s.");
					report.code("sh", command + " --only build");
					report.table(List.of("data set", "rows", "dims", "index", "seconds", "size"), ctx.builds);
				}
				if (only.contains("text")) {
					TextSection.run(ctx);
				}
				if (only.contains("text-filtered")) {
					TextFilteredSection.run(ctx);
				}
			}
			ReadingSection.write(report);
		}
		long minutes = ChronoUnit.SECONDS.between(started, Instant.now());
		report.paragraph("_Whole run: " + minutes / 60 + " min " + minutes % 60 + " s, finished " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "._");
		report.save();
		System.out.println("wrote " + out.toAbsolutePath() + " in " + minutes + " s");
	}

	/** Generates/loads the data sets the chosen sections need, and their HNSW indexes (timed: the build table). */
	private static void prepare(Context ctx, Set<String> only) throws Exception {
		boolean synthetic = only.contains("ingest") || only.contains("query") || only.contains("filtered")
				|| only.contains("build");
		if (synthetic) {
			for (int dims : new int[] { 384, 1536 }) {
				if (dims == 1536 && !(only.contains("ingest") || only.contains("query") || only.contains("build"))) {
					continue;
				}
				System.out.printf("data: synthetic %d dims, %,d rows%n", dims, ctx.scale.syntheticRows());
				Dataset dataset = SyntheticDataset.generate(dims, ctx.scale.syntheticRows(), ctx.scale.syntheticQueries(),
						dims);
				ctx.datasets.put(dataset.name(), dataset);
			}
		}
		if (only.contains("recall") || only.contains("build")) {
			System.out.println("data: fashion-mnist-784-euclidean from " + FashionMnist.DEFAULT_DIRECTORY);
			Dataset fashion = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY)
				.limit(ctx.scale.fashionRows(), ctx.scale.fashionQueries());
			ctx.datasets.put(fashion.name(), fashion);
		}
		boolean searches = only.contains("query") || only.contains("recall") || only.contains("filtered")
				|| only.contains("build");
		for (Dataset dataset : ctx.datasets.values()) {
			if (!searches) {
				// ingest writes tables of its own: no search table, no index
				break;
			}
			String table = BenchTables.table(dataset);
			if (!ctx.tables.isLoaded(dataset)) {
				ctx.tables.load(dataset);
			}
			else {
				System.out.printf("  %s already holds the data set: not reloaded%n", table);
			}
			ctx.tables.dropVectorIndexes(table);
			if (!dataset.name().equals("fmnist")) {
				ctx.build(dataset, BenchTables.index(dataset, table, IndexType.HNSW, 0, null, null),
						"HNSW m=16, ef_construction=64");
			}
			else if (!only.contains("recall")) {
				ctx.build(dataset, BenchTables.index(dataset, table, IndexType.HNSW, 0, null, null),
						"HNSW m=16, ef_construction=64");
				ctx.tables.dropVectorIndexes(table);
			}
		}
		Files.createDirectories(ctx.cache);
		if (only.contains("text")) {
			TextSection.prepare(ctx);
		}
		if (only.contains("text-filtered")) {
			// prepares the text table itself when "text" does not run
			TextFilteredSection.prepare(ctx);
		}
	}

}
