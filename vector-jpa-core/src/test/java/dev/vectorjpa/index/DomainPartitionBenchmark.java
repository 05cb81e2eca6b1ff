package dev.vectorjpa.index;

import java.sql.Connection;
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
import dev.vectorjpa.repository.TestVectors;
import dev.vectorjpa.test.PostgresDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Throwaway measurement behind the partition figures in {@code docs/scale-out.md}: a small tenant's recall@10 and
 * latency when its rows share one HNSW index with a large tenant (scoped by {@code domain = ?}, with and without
 * pgvector's iterative scan), against the same rows in a {@code PARTITION BY LIST (domain)} table whose partitions
 * {@link DomainPartitions} created (each with its own HNSW index). Ground truth by brute force in Java. Bounded by
 * {@code -Dlarge=} rows (default 40,000) and {@code -Dsmall=} rows (default 400). Not a test: run it by hand (see the
 * doc for the command); it works in a schema of its own and drops it.
 */
final class DomainPartitionBenchmark {

	private static final int LARGE = Integer.getInteger("large", 40_000);

	private static final int SMALL = Integer.getInteger("small", 400);

	private static final int DIMENSIONS = Integer.getInteger("dimensions", 64);

	private static final int QUERIES = 100;

	private static final int K = 10;

	private static final String SCHEMA = "vjbench_partitions";

	private DomainPartitionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		PostgresDatabase database = PostgresDatabase.get();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(database.jdbcUrl(SCHEMA));
		Random random = new Random(42);
		List<float[]> large = vectors(random, LARGE);
		List<float[]> small = vectors(random, SMALL);
		List<float[]> queries = vectors(random, QUERIES);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
			statement.execute("create table shared (id bigint primary key, domain text not null, embedding vector("
					+ DIMENSIONS + ") not null)");
			statement.execute("create table parted (id bigint not null, domain text not null, embedding vector("
					+ DIMENSIONS + ") not null, primary key (domain, id)) partition by list (domain)");
		}
		VectorIndexManager indexes = new VectorIndexManager(dataSource, VectorIndexSettings.defaults());
		DomainPartitions partitions = new DomainPartitions(dataSource);
		partitions.ensurePartition(SCHEMA, "parted", "large");
		partitions.ensurePartition(SCHEMA, "parted", "small");
		for (String table : List.of("shared", "parted")) {
			long start = System.nanoTime();
			load(dataSource, table, large, small);
			System.out.printf("loaded %s: %,d + %,d rows in %.1f s%n", table, LARGE, SMALL, seconds(start));
			start = System.nanoTime();
			indexes.ensureIndex(indexes.definition(SCHEMA, table, "embedding", VectorType.VECTOR, DIMENSIONS,
					Metric.COSINE, IndexType.HNSW, IndexParams.defaults()));
			System.out.printf("built the HNSW index of %s in %.1f s%n", table, seconds(start));
		}
		List<Set<Integer>> truth = new ArrayList<>();
		for (float[] query : queries) {
			truth.add(exact(small, query));
		}
		System.out.println("| layout | recall@10 of the small tenant | rows returned (of 10) | p50 ms | p95 ms |");
		System.out.println("|---|---|---|---|---|");
		measure(dataSource, "shared table, one HNSW index, domain = ? (ef_search 40)", "shared", "off", queries, truth);
		measure(dataSource, "shared table, iterative scan relaxed_order", "shared", "relaxed_order", queries, truth);
		measure(dataSource, "partition per domain, own HNSW index (ef_search 40)", "parted", "off", queries, truth);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop schema " + SCHEMA + " cascade");
		}
	}

	private static void measure(PGSimpleDataSource dataSource, String label, String table, String iterative,
			List<float[]> queries, List<Set<Integer>> truth) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement settings = connection.createStatement();
				PreparedStatement search = connection.prepareStatement("select id from " + table
						+ " where (domain = ? or ?) order by embedding <=> ?::vector limit " + K)) {
			settings.execute("set hnsw.iterative_scan = " + iterative);
			for (int warm = 0; warm < 20; warm++) {
				run(search, queries.get(warm));
			}
			long[] nanos = new long[queries.size()];
			int hits = 0;
			int returned = 0;
			for (int q = 0; q < queries.size(); q++) {
				long start = System.nanoTime();
				List<Long> ids = run(search, queries.get(q));
				nanos[q] = System.nanoTime() - start;
				returned += ids.size();
				for (long id : ids) {
					// small-tenant ids are LARGE + 1 .. LARGE + SMALL
					if (truth.get(q).contains((int) (id - LARGE - 1))) {
						hits++;
					}
				}
			}
			Arrays.sort(nanos);
			System.out.printf("| %s | %.3f | %.1f | %.2f | %.2f |%n", label, hits / (double) (queries.size() * K),
					returned / (double) queries.size(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 95 / 100] / 1e6);
		}
	}

	private static List<Long> run(PreparedStatement search, float[] query) throws SQLException {
		search.setString(1, "small");
		search.setBoolean(2, false);
		search.setString(3, new PGvector(query).toString());
		List<Long> ids = new ArrayList<>();
		try (ResultSet result = search.executeQuery()) {
			while (result.next()) {
				ids.add(result.getLong(1));
			}
		}
		return ids;
	}

	private static void load(PGSimpleDataSource dataSource, String table, List<float[]> large, List<float[]> small)
			throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("insert into " + table + " values (?, ?, ?)")) {
			connection.setAutoCommit(false);
			long id = 0;
			for (List<float[]> rows : List.of(large, small)) {
				String domain = (rows == large) ? "large" : "small";
				for (float[] vector : rows) {
					insert.setLong(1, ++id);
					insert.setString(2, domain);
					insert.setObject(3, new PGvector(vector));
					insert.addBatch();
					if (id % 5000 == 0) {
						insert.executeBatch();
						System.out.printf("  %s: %,d rows%n", table, id);
					}
				}
			}
			insert.executeBatch();
			connection.commit();
			try (Statement statement = connection.createStatement()) {
				statement.execute("analyze " + table);
			}
		}
	}

	private static Set<Integer> exact(List<float[]> rows, float[] query) {
		Integer[] order = new Integer[rows.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(TestVectors.distance(Metric.COSINE, rows.get(a), query),
				TestVectors.distance(Metric.COSINE, rows.get(b), query)));
		return new HashSet<>(Arrays.asList(order).subList(0, K));
	}

	private static List<float[]> vectors(Random random, int count) {
		List<float[]> vectors = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			float[] vector = new float[DIMENSIONS];
			for (int d = 0; d < DIMENSIONS; d++) {
				vector[d] = (float) random.nextGaussian();
			}
			vectors.add(vector);
		}
		return vectors;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
