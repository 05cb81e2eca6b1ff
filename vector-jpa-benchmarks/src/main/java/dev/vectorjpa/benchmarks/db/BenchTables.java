package dev.vectorjpa.benchmarks.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexDefinition;
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
		long start = System.nanoTime();
		try (Connection c = this.db.dataSource().getConnection()) {
			c.setAutoCommit(false);
			try (BinaryCopy copy = new BinaryCopy(c, table, "id, content, category, metadata, embedding")) {
				for (int i = 0; i < dataset.size(); i++) {
					String category = (dataset.categories() != null) ? dataset.categories()[i] : "none";
					copy.row(5).uuid(Dataset.id(i)).text("doc " + i).text(category)
						.jsonb("{\"category\":\"" + category + "\"}").vector(dataset.base()[i]);
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

	/** Whether the table exists holding exactly the data set's row count (then loading again can be skipped). */
	public boolean isLoaded(Dataset dataset) throws SQLException {
		String table = table(dataset);
		if (this.db.value("SELECT to_regclass('" + BenchDatabase.SCHEMA + "." + table + "')") == null) {
			return false;
		}
		String dims = this.db.value("SELECT atttypmod FROM pg_attribute WHERE attrelid = '" + BenchDatabase.SCHEMA + "."
				+ table + "'::regclass AND attname = 'embedding'");
		return String.valueOf(dataset.size()).equals(this.db.value("SELECT count(*) FROM " + table))
				&& String.valueOf(dataset.dimensions()).equals(dims);
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

	/** Builds an index, printing the build's progress every 10 s; returns the seconds it took. */
	public double build(VectorIndexDefinition index) throws SQLException {
		this.db.execute(index.dropSql());
		ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		progress.scheduleAtFixedRate(() -> printProgress(index, start), 10, 10, TimeUnit.SECONDS);
		try (Connection c = this.db.dataSource().getConnection(); Statement s = c.createStatement()) {
			// pgvector builds HNSW in parallel; 2 cores here, so at most one extra worker.
			s.execute("SET max_parallel_maintenance_workers = " + Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
			s.execute("SET maintenance_work_mem = '1GB'");
			s.execute(index.createSql());
		}
		finally {
			progress.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		this.db.execute("ANALYZE " + index.qualifiedTable());
		System.out.printf("  built %s in %.1f s%n", index.indexName(), seconds);
		return seconds;
	}

	private void printProgress(VectorIndexDefinition index, long start) {
		try (Connection c = java.sql.DriverManager.getConnection(this.db.jdbcUrl()); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total "
						+ "FROM pg_stat_progress_create_index")) {
			while (rs.next()) {
				System.out.printf("  building %s: %s, blocks %d/%d, tuples %d/%d (%.0f s)%n", index.indexName(),
						rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						(System.nanoTime() - start) / 1e9);
			}
		}
		catch (SQLException ex) {
			// Progress lines are a courtesy: never fail the build because of them.
		}
	}

}
