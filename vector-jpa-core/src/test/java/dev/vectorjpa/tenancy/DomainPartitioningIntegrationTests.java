package dev.vectorjpa.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import com.pgvector.PGvector;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partitioned layout of docs/multi-tenancy.md: one list partition per large domain, each with its own HNSW index.
 * A scoped nearest-neighbour query is pruned to its domain's partition and walks that partition's index, so recall is
 * that of a per-tenant index (a global index filtered afterwards would lose neighbours).
 */
@DatabaseTest
class DomainPartitioningIntegrationTests {

	private static final List<String> DOMAINS = List.of("acme", "globex", "initech");

	private static final int DIMENSIONS = 16;

	private static final int ROWS_PER_DOMAIN = 1500;

	private static final int K = 10;

	@Test
	void scopedNearestQueryUsesOnlyItsPartitionsIndex(TestSchema schema) throws SQLException {
		Map<Long, float[]> vectors = new LinkedHashMap<>();
		Map<Long, String> domainOf = new LinkedHashMap<>();
		try (Connection connection = schema.connect()) {
			createPartitionedTable(connection);
			load(connection, vectors, domainOf);
			createIndexes(connection);
			try (Statement statement = connection.createStatement()) {
				// At 1,500 rows a partition is small enough for the planner to prefer scanning it; take that choice
				// away so that the plan shows which index serves a scoped query.
				statement.execute("set enable_seqscan = off");
			}
			Random random = new Random(7);
			for (String domain : DOMAINS) {
				String plan = explain(connection, domain, randomVector(random));
				assertThat(plan).contains("docs_" + domain + "_embedding_idx");
				DOMAINS.stream()
					.filter((other) -> !other.equals(domain))
					.forEach((other) -> assertThat(plan).doesNotContain("docs_" + other));
			}
			int hits = 0;
			int queries = 0;
			for (String domain : DOMAINS) {
				for (int q = 0; q < 10; q++) {
					float[] query = randomVector(random);
					List<Long> found = nearest(connection, domain, query);
					assertThat(found).hasSize(K).allMatch((id) -> domain.equals(domainOf.get(id)));
					Set<Long> exact = new HashSet<>(bruteForce(vectors, domainOf, domain, query));
					hits += (int) found.stream().filter(exact::contains).count();
					queries++;
				}
			}
			double recall = hits / (double) (queries * K);
			System.out.printf("Partitioned layout: recall@%d over %d scoped queries = %.3f%n", K, queries, recall);
			assertThat(recall).as("recall@%d per domain partition", K).isGreaterThanOrEqualTo(0.9);
		}
		try (EntityManagerFactory emf = new HibernatePersistenceConfiguration("partitioned")
			.managedClass(PartitionedDoc.class)
			.jdbcUrl(schema.jdbcUrl())
			.property(AvailableSettings.HBM2DDL_AUTO, "none")
			.property(VectorJpaSettings.DOMAIN, "globex")
			.createEntityManagerFactory()) {
			long count = emf.callInTransaction(
					(em) -> em.createQuery("select count(d) from PartitionedDoc d", Long.class).getSingleResult());
			assertThat(count).isEqualTo(ROWS_PER_DOMAIN);
		}
	}

	private static void createPartitionedTable(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create table docs (id bigint not null, domain_id text not null, "
					+ "embedding vector(" + DIMENSIONS + ") not null, primary key (domain_id, id)) "
					+ "partition by list (domain_id)");
			for (String domain : DOMAINS) {
				statement.execute("create table docs_" + domain + " partition of docs for values in ('" + domain + "')");
			}
		}
	}

	private static void createIndexes(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String domain : DOMAINS) {
				statement.execute("create index docs_" + domain + "_embedding_idx on docs_" + domain
						+ " using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)");
			}
			statement.execute("analyze docs");
		}
	}

	private static void load(Connection connection, Map<Long, float[]> vectors, Map<Long, String> domainOf)
			throws SQLException {
		Random random = new Random(42);
		long id = 0;
		try (PreparedStatement insert = connection
			.prepareStatement("insert into docs (id, domain_id, embedding) values (?, ?, ?)")) {
			for (String domain : DOMAINS) {
				for (int i = 0; i < ROWS_PER_DOMAIN; i++) {
					float[] vector = randomVector(random);
					vectors.put(++id, vector);
					domainOf.put(id, domain);
					insert.setLong(1, id);
					insert.setString(2, domain);
					insert.setObject(3, new PGvector(vector));
					insert.addBatch();
				}
			}
			insert.executeBatch();
		}
	}

	private static String explain(Connection connection, String domain, float[] query) throws SQLException {
		StringBuilder plan = new StringBuilder();
		try (PreparedStatement statement = connection.prepareStatement("explain (costs off) "
				+ "select id from docs where domain_id = ? order by embedding <=> ? limit " + K)) {
			statement.setString(1, domain);
			statement.setObject(2, new PGvector(query));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					plan.append(rs.getString(1)).append('\n');
				}
			}
		}
		return plan.toString();
	}

	private static List<Long> nearest(Connection connection, String domain, float[] query) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"select id from docs where domain_id = ? order by embedding <=> ? limit " + K)) {
			statement.setString(1, domain);
			statement.setObject(2, new PGvector(query));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
		}
		return ids;
	}

	private static List<Long> bruteForce(Map<Long, float[]> vectors, Map<Long, String> domainOf, String domain,
			float[] query) {
		return vectors.keySet()
			.stream()
			.filter((id) -> domain.equals(domainOf.get(id)))
			.sorted(Comparator.comparingDouble((Long id) -> cosineDistance(vectors.get(id), query)))
			.limit(K)
			.toList();
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

	private static float[] randomVector(Random random) {
		float[] vector = new float[DIMENSIONS];
		IntStream.range(0, DIMENSIONS).forEach((i) -> vector[i] = (float) random.nextGaussian());
		return vector;
	}

	@Entity(name = "PartitionedDoc")
	@Table(name = "docs")
	static class PartitionedDoc {

		@Id
		Long id;

		@DomainId
		@Column(name = "domain_id")
		String domain;

	}

}
