package dev.vectorjpa.benchmarks.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.TextDataset;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;

/**
 * Creates and loads the shared search tables ({@code bench_<dataset>}: id, content, category, metadata, embedding)
 * and builds their indexes with progress lines read from {@code pg_stat_progress_create_index}.
 */
public final class BenchTables {

	private final BenchDatabase db;

	/** Tables in {@code db}. */
	public BenchTables(BenchDatabase db) {
		this.db = db;
	}

	/** The search table of a data set. */
	public static String table(Dataset dataset) {
		return "bench_" + dataset.name();
	}

	/** Drops, creates and loads the search table of {@code dataset} by binary COPY; returns the seconds it took. */
	public double load(Dataset dataset) throws Exception {
		String table = table(dataset);
		this.db.execute("DROP TABLE IF EXISTS " + table + " CASCADE",
				"CREATE TABLE " + table + " (id uuid PRIMARY KEY, content text, category text, metadata jsonb, "
						+ "embedding vector(" + dataset.dimensions() + ") NOT NULL)");
		if (storeInline(dataset.dimensions())) {
			// Vectors over ~2 KB are TOASTed by default; PostgreSQL's planner costs a scan by the main heap only, so a
			// TOASTed vector table looks cheap to scan and sort, and from a moderate hnsw.ef_search on the planner
			// drops the HNSW index for an exact scan (seen at ef_search = 120 on fashion-mnist). pgvector's advice:
			// keep vectors inline (docs/indexes.md, "Vectors over 2 KB").
			this.db.execute("ALTER TABLE " + table + " ALTER COLUMN embedding SET STORAGE PLAIN");
		}
		return copy(dataset, "id, content, category, metadata, embedding", (copy, i) -> {
			String category = (dataset.categories() != null) ? dataset.categories()[i] : "none";
			copy.row(5).uuid(Dataset.id(i)).text("doc " + i).text(category)
				.jsonb("{\"category\":\"" + category + "\"}").vector(dataset.base()[i]);
		});
	}

	/**
	 * Drops, creates and loads {@code bench_text} (id, page, section, content, embedding) with the real-text data set
	 * by binary COPY; returns the seconds it took.
	 */
	public double load(TextDataset text) throws Exception {
		Dataset dataset = text.vectors();
		String table = table(dataset);
		this.db.execute("DROP TABLE IF EXISTS " + table + " CASCADE", "CREATE TABLE " + table + " (id uuid PRIMARY KEY, "
				+ "page text NOT NULL, section text NOT NULL, content text NOT NULL, embedding vector("
				+ dataset.dimensions() + ") NOT NULL)");
		return copy(dataset, "id, page, section, content, embedding", (copy, i) -> copy.row(5).uuid(Dataset.id(i))
			.text(text.pages()[i]).text(dataset.categories()[i]).text(text.passages()[i]).vector(dataset.base()[i]));
	}

	/** Writes one row per data-set row through one binary COPY, then VACUUM ANALYZE; returns the seconds it took. */
	private double copy(Dataset dataset, String columns, Row row) throws Exception {
		String table = table(dataset);
		long start = System.nanoTime();
		try (Connection c = this.db.dataSource().getConnection()) {
			c.setAutoCommit(false);
			try (BinaryCopy copy = new BinaryCopy(c, table, columns)) {
				for (int i = 0; i < dataset.size(); i++) {
					row.write(copy, i);
					if ((i + 1) % 50_000 == 0) {
						System.out.printf("  %s: %,d / %,d rows copied%n", table, i + 1, dataset.size());
					}
				}
				copy.finish();
			}
			c.commit();
			c.setAutoCommit(true);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		this.db.execute("VACUUM ANALYZE " + table);
		System.out.printf("  %s: %,d rows of %d dims loaded in %.1f s%n", table, dataset.size(), dataset.dimensions(),
				seconds);
		return seconds;
	}

	/** Writes row {@code i} of a data set to a COPY. */
	private interface Row {

		void write(BinaryCopy copy, int i) throws Exception;

	}

	/** Whether vectors of {@code dimensions} exceed PostgreSQL's TOAST threshold (~2 KB) and are stored inline. */
	public static boolean storeInline(int dimensions) {
		return 4 * dimensions + 8 > 2000;
	}

	/** Whether the table exists holding exactly the data set's row count (then loading again can be skipped). */
	public boolean isLoaded(Dataset dataset) throws SQLException {
		String table = table(dataset);
		if (this.db.value("SELECT to_regclass('" + BenchDatabase.SCHEMA + "." + table + "')") == null) {
			return false;
		}
		String dims = this.db.value("SELECT atttypmod FROM pg_attribute WHERE attrelid = '" + BenchDatabase.SCHEMA + "."
				+ table + "'::regclass AND attname = 'embedding'");
		String storage = this.db.value("SELECT attstorage FROM pg_attribute WHERE attrelid = '" + BenchDatabase.SCHEMA
				+ "." + table + "'::regclass AND attname = 'embedding'");
		return String.valueOf(dataset.size()).equals(this.db.value("SELECT count(*) FROM " + table))
				&& String.valueOf(dataset.dimensions()).equals(dims)
				&& (storeInline(dataset.dimensions()) ? "p" : "x").equals(storage);
	}

	/** The index DDL of {@code type} on a data set's table (HNSW m=16, ef_construction=64; IVFFlat given lists). */
	public static VectorIndexDefinition index(Dataset dataset, String table, IndexType type, int lists, String name,
			String where) {
		IndexParams params = (type == IndexType.HNSW) ? IndexParams.hnsw(16, 64) : IndexParams.ivfflat(lists);
		return new VectorIndexDefinition(BenchDatabase.SCHEMA, table, "embedding", VectorType.VECTOR, dataset.metric(),
				type, params.m().isPresent() ? params.m().getAsInt() : null,
				params.efConstruction().isPresent() ? params.efConstruction().getAsInt() : null,
				params.lists().isPresent() ? params.lists().getAsInt() : null, false, name, where);
	}

	/** Drops every vector index of a table. */
	public void dropVectorIndexes(String table) throws SQLException {
		for (var row : this.db.query("SELECT indexname FROM pg_indexes WHERE schemaname = '" + BenchDatabase.SCHEMA
				+ "' AND tablename = '" + table + "' AND (indexdef LIKE '%USING hnsw%' OR indexdef LIKE '%USING ivfflat%')")) {
			this.db.execute("DROP INDEX IF EXISTS " + BenchDatabase.SCHEMA + ".\"" + row.get(0) + "\"");
		}
	}

	/**
	 * Builds an index through vector-jpa's {@link VectorIndexManager} (as an application would: its build settings,
	 * including no parallel workers on pgvector &lt; 0.8.2, and its progress reports every 10 s); returns the seconds
	 * it took.
	 */
	public double build(VectorIndexDefinition index) throws SQLException {
		this.db.execute(index.dropSql());
		VectorIndexManager manager = new VectorIndexManager(this.db.dataSource(), VectorIndexSettings.builder()
			.maintenanceWorkMem("1GB")
			.progressInterval(Duration.ofSeconds(10))
			.build());
		long start = System.nanoTime();
		manager.setProgressListener((p) -> System.out.printf("  building %s: %s, %.0f %% (%.0f s)%n", p.indexName(),
				p.phase(), p.percentDone(), p.elapsed().toMillis() / 1e3));
		manager.ensureIndex(index);
		double seconds = (System.nanoTime() - start) / 1e9;
		this.db.execute("ANALYZE " + index.qualifiedTable());
		System.out.printf("  built %s in %.1f s%n", index.indexName(), seconds);
		return seconds;
	}

}
