package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.pgvector.PGvector;
import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.test.PostgresDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Throwaway measurement behind the figures in {@code docs/indexes.md}: recall@10 and latency of HNSW and IVFFlat
 * against {@code ef_search} / {@code probes} on clustered data, with ground truth computed by brute force in Java.
 * Not a test: run it by hand (see the doc for the command).
 */
final class IndexTuningBenchmark {

	private static final int ROWS = Integer.getInteger("rows", 20_000);

	private static final int DIMENSIONS = Integer.getInteger("dimensions", 128);

	// Spread of rows around their cluster centre (centres are N(0, 1) per dimension): 0.35 gives well separated
	// clusters, 1.0 overlapping ones.
	private static final float NOISE = Float.parseFloat(System.getProperty("noise", "0.35"));

	private static final int CLUSTERS = 50;

	private static final int QUERIES = 100;

	private static final int K = 10;

	private static final String SCHEMA = "bench_indexes";

	private IndexTuningBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		PostgresDatabase database = PostgresDatabase.get();
		Random random = new Random(42);
		float[][] centers = new float[CLUSTERS][];
		for (int c = 0; c < CLUSTERS; c++) {
			centers[c] = gaussian(random, 1.0f, null);
		}
		float[][] rows = new float[ROWS][];
		for (int i = 0; i < ROWS; i++) {
			rows[i] = gaussian(random, NOISE, centers[random.nextInt(CLUSTERS)]);
		}
		float[][] queries = new float[QUERIES][];
		List<Set<Integer>> truth = new ArrayList<>();
		List<Set<Integer>> filteredTruth = new ArrayList<>();
		for (int q = 0; q < QUERIES; q++) {
			queries[q] = gaussian(random, NOISE, centers[random.nextInt(CLUSTERS)]);
			truth.add(bruteForce(rows, queries[q], false));
			filteredTruth.add(bruteForce(rows, queries[q], true));
		}
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
			statement.execute("CREATE SCHEMA " + SCHEMA);
		}
		String url = database.jdbcUrl(SCHEMA);
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		try (Connection connection = DriverManager.getConnection(url)) {
			load(connection, rows);
			System.out.printf("%d rows x %d dimensions, %d clusters (noise %.2f), %d queries, k=%d, cosine%n", ROWS,
					DIMENSIONS, CLUSTERS, NOISE, QUERIES, K);
			measure(connection, "exact (no index)", "SET enable_indexscan = off", queries, truth, false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("RESET enable_indexscan");
			}
			VectorIndexManager manager = new VectorIndexManager(dataSource,
					VectorIndexSettings.builder().maintenanceWorkMem("256MB").build());
			build(manager, IndexType.HNSW, 16, 64, null);
			for (int ef : new int[] { 10, 20, 40, 80, 160 }) {
				measure(connection, "hnsw m=16 efc=64 ef_search=" + ef, "SET hnsw.ef_search = " + ef, queries, truth,
						false);
			}
			measure(connection, "hnsw ef_search=40, 10% filter, iterative off",
					"SET hnsw.ef_search = 40; SET hnsw.iterative_scan = off", queries, filteredTruth, true);
			measure(connection, "hnsw ef_search=40, 10% filter, relaxed_order",
					"SET hnsw.ef_search = 40; SET hnsw.iterative_scan = relaxed_order", queries, filteredTruth, true);
			drop(manager, IndexType.HNSW);
			for (int lists : new int[] { VectorIndexManager.defaultLists(ROWS), (int) Math.sqrt(ROWS) }) {
				build(manager, IndexType.IVFFLAT, null, null, lists);
				for (int probes : new int[] { 1, 2, 5, 10, 20 }) {
					measure(connection, "ivfflat lists=" + lists + " probes=" + probes, "SET ivfflat.probes = " + probes,
							queries, truth, false);
				}
				drop(manager, IndexType.IVFFLAT);
			}
		}
		finally {
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
			}
		}
	}

	private static void build(VectorIndexManager manager, IndexType type, Integer m, Integer ef, Integer lists) {
		long start = System.nanoTime();
		manager.ensureIndex(definition(type, m, ef, lists));
		IndexInfo info = manager.indexes(SCHEMA, "bench").get(0);
		System.out.printf("built %s %s in %.1f s, %.1f MB%n", info.name(), info.parameters(),
				(System.nanoTime() - start) / 1e9, info.sizeBytes() / 1048576.0);
	}

	private static void drop(VectorIndexManager manager, IndexType type) {
		manager.dropIndex(definition(type, null, null, null));
	}

	private static VectorIndexDefinition definition(IndexType type, Integer m, Integer ef, Integer lists) {
		return new VectorIndexDefinition(SCHEMA, "bench", "embedding", VectorType.VECTOR, Metric.COSINE, type, m, ef,
				lists, false, null, null);
	}

	private static void measure(Connection connection, String label, String settings, float[][] queries,
			List<Set<Integer>> truth, boolean filtered) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String each : settings.split(";")) {
				statement.execute(each);
			}
		}
		String sql = "SELECT id FROM bench " + (filtered ? "WHERE id % 10 = 0 " : "")
				+ "ORDER BY embedding <=> ? LIMIT " + K;
		long[] nanos = new long[queries.length];
		double recall = 0;
		int returned = 0;
		try (PreparedStatement select = connection.prepareStatement(sql)) {
			for (int round = 0; round < 2; round++) {
				recall = 0;
				returned = 0;
				for (int q = 0; q < queries.length; q++) {
					select.setObject(1, new PGvector(queries[q]));
					long start = System.nanoTime();
					Set<Integer> found = new HashSet<>();
					try (ResultSet rs = select.executeQuery()) {
						while (rs.next()) {
							found.add(rs.getInt(1));
						}
					}
					nanos[q] = System.nanoTime() - start;
					returned += found.size();
					found.retainAll(truth.get(q));
					recall += (double) found.size() / K;
				}
			}
		}
		Arrays.sort(nanos);
		System.out.printf("%-48s recall@10 %.3f  rows/query %.1f  p50 %.2f ms  p95 %.2f ms%n", label,
				recall / queries.length, (double) returned / queries.length, nanos[nanos.length / 2] / 1e6,
				nanos[nanos.length * 95 / 100] / 1e6);
	}

	private static void load(Connection connection, float[][] rows) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bench (id int PRIMARY KEY, embedding vector(" + DIMENSIONS + "))");
		}
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench VALUES (?, ?)")) {
			for (int i = 0; i < rows.length; i++) {
				insert.setInt(1, i);
				insert.setObject(2, new PGvector(rows[i]));
				insert.addBatch();
				if (i % 1000 == 999) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
		connection.commit();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("VACUUM ANALYZE bench");
		}
	}

	private static Set<Integer> bruteForce(float[][] rows, float[] query, boolean filtered) {
		Integer[] ids = new Integer[rows.length];
		double[] distance = new double[rows.length];
		int n = 0;
		for (int i = 0; i < rows.length; i++) {
			if (!filtered || i % 10 == 0) {
				ids[n++] = i;
				distance[i] = cosineDistance(rows[i], query);
			}
		}
		Integer[] candidates = Arrays.copyOf(ids, n);
		Arrays.sort(candidates, (a, b) -> Double.compare(distance[a], distance[b]));
		return new HashSet<>(Arrays.asList(candidates).subList(0, K));
	}

	private static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

	private static float[] gaussian(Random random, float sigma, float[] center) {
		float[] vector = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			vector[i] = ((center != null) ? center[i] : 0) + (float) random.nextGaussian() * sigma;
		}
		return vector;
	}

}
