package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import com.pgvector.PGvector;
import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.repository.TestVectors;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link DomainPartitions} on a {@code PARTITION BY LIST (domain)} table whose HNSW index is declared once on the
 * partitioned table: partitions created on first use of a domain by racing instances, each with its own index;
 * scoped queries pruned to one partition (EXPLAIN); recall per domain against brute force.
 */
@DatabaseTest
class DomainPartitionsIntegrationTests {

	private static final List<String> DOMAINS = List.of("acme", "globex", "o'brien; DROP TABLE docs; --");

	private static final int DIMENSIONS = 16;

	private static final int ROWS_PER_DOMAIN = 1200;

	private static final int K = 10;

	// the shape of the scope condition vector-jpa renders for @DomainId entities: (domain = ? or ?)
	private static final String SCOPED = "select id from docs where (domain = ? or ?) order by embedding <=> ?::vector limit "
			+ K;

	@Test
	void createsOnePartitionWithItsOwnIndexPerDomainPrunedAndWithFullRecall(TestSchema schema) throws Exception {
		schema.execute("create table docs (id bigint not null, domain text not null, embedding vector(16) not null, "
				+ "primary key (domain, id)) partition by list (domain)");
		VectorIndexManager indexes = new VectorIndexManager(schema.dataSource(), VectorIndexSettings.defaults());
		indexes.ensureIndex(indexes.definition(schema.name(), "docs", "embedding", VectorType.VECTOR, DIMENSIONS,
				Metric.COSINE, IndexType.HNSW, IndexParams.defaults()));

		// eight "instances" meet the three domains at once: each partition is created exactly once, none fails
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> results = new ArrayList<>();
		try {
			for (int instance = 0; instance < 8; instance++) {
				DomainPartitions partitions = new DomainPartitions(schema.dataSource());
				for (String domain : DOMAINS) {
					Callable<String> task = () -> partitions.ensurePartition(schema.name(), "docs", domain);
					results.add(pool.submit(task));
				}
			}
			for (Future<String> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
		List<List<Object>> partitions = schema.query("select c.relname, pg_get_expr(c.relpartbound, c.oid) "
				+ "from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'docs'::regclass "
				+ "order by 1");
		assertThat(partitions).hasSize(3);
		for (String domain : DOMAINS) {
			String name = DomainPartitions.partitionName("docs", domain);
			assertThat(partitions).contains(List.of(name, "FOR VALUES IN ('" + domain.replace("'", "''") + "')"));
			// PostgreSQL built the partition's own HNSW index from the partitioned one
			assertThat(schema.query("select indexdef from pg_indexes where schemaname = '" + schema.name()
					+ "' and tablename = '" + name + "'"))
				.anySatisfy((row) -> assertThat((String) row.get(0)).contains("USING hnsw (embedding vector_cosine_ops)"));
		}
		assertThat(DomainPartitions.partitionName("docs", "a-b")).isNotEqualTo(DomainPartitions.partitionName("docs", "a_b"));

		Random random = new Random(20);
		Map<String, Map<Long, float[]>> rows = load(schema, random);
		try (Connection connection = schema.connect()) {
			try (Statement statement = connection.createStatement()) {
				// a 1,200-row partition is cheap to scan: take that choice away so the plan shows which index serves
				statement.execute("set enable_seqscan = off");
			}
			for (String domain : DOMAINS) {
				String plan = explain(connection, domain, random);
				String own = DomainPartitions.partitionName("docs", domain);
				assertThat(plan).contains(own).contains("Index Scan");
				DOMAINS.stream()
					.filter((other) -> !other.equals(domain))
					.forEach((other) -> assertThat(plan).doesNotContain(DomainPartitions.partitionName("docs", other)));
			}
			for (String domain : DOMAINS) {
				int hits = 0;
				for (int q = 0; q < 20; q++) {
					float[] query = vector(random);
					List<Long> found = nearest(connection, domain, query);
					assertThat(found).hasSize(K).allMatch(rows.get(domain)::containsKey);
					Set<Long> exact = new HashSet<>(bruteForce(rows.get(domain), query));
					hits += (int) found.stream().filter(exact::contains).count();
				}
				assertThat(hits / (20.0 * K)).as("recall@10 of domain %s", domain).isGreaterThanOrEqualTo(0.9);
			}
		}
		assertThat(schema.query("select count(*) from docs")).containsExactly(List.of((long) 3 * ROWS_PER_DOMAIN));
	}

	@Test
	void ensuringResolverCreatesTheCurrentDomainsPartitionOnFirstUse(TestSchema schema) {
		schema.execute("create table notes (id bigint not null, domain text not null, "
				+ "primary key (domain, id)) partition by list (domain)");
		DomainPartitions partitions = new DomainPartitions(schema.dataSource());
		AtomicReference<String> current = new AtomicReference<>();
		var resolver = partitions.ensuringPartitions(() -> Optional.ofNullable(current.get()), schema.name(), "notes");
		assertThat(resolver.currentDomain()).isEmpty();
		assertThat(schema.query("select count(*) from pg_inherits where inhparent = 'notes'::regclass"))
			.containsExactly(List.of(0L));
		current.set("initech");
		assertThat(resolver.currentDomain()).contains("initech");
		assertThat(resolver.currentDomain()).contains("initech");
		schema.execute("insert into notes values (1, 'initech')");
		assertThat(schema.query("select count(*) from " + DomainPartitions.partitionName("notes", "initech")))
			.containsExactly(List.of(1L));
	}

	@Test
	void rejectsBadTableNamesBeforeAnySql(TestSchema schema) {
		DomainPartitions partitions = new DomainPartitions(schema.dataSource());
		assertThatIllegalArgumentException().isThrownBy(() -> partitions.ensurePartition(null, "docs; drop", "acme"))
			.withMessageContaining("Partitioned table");
		assertThatIllegalArgumentException().isThrownBy(() -> partitions.ensurePartition(null, "docs", ""))
			.withMessage("Domain must not be empty");
	}

	private static Map<String, Map<Long, float[]>> load(TestSchema schema, Random random) throws SQLException {
		Map<String, Map<Long, float[]>> rows = new java.util.LinkedHashMap<>();
		try (Connection connection = schema.connect();
				PreparedStatement insert = connection.prepareStatement("insert into docs values (?, ?, ?)")) {
			long id = 0;
			for (String domain : DOMAINS) {
				Map<Long, float[]> own = new java.util.LinkedHashMap<>();
				for (int i = 0; i < ROWS_PER_DOMAIN; i++) {
					float[] vector = vector(random);
					insert.setLong(1, ++id);
					insert.setString(2, domain);
					insert.setObject(3, new PGvector(vector));
					insert.addBatch();
					own.put(id, vector);
				}
				rows.put(domain, own);
			}
			insert.executeBatch();
		}
		return rows;
	}

	private static String explain(Connection connection, String domain, Random random) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("explain " + SCOPED)) {
			bind(statement, domain, vector(random));
			StringBuilder plan = new StringBuilder();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					plan.append(result.getString(1)).append('\n');
				}
			}
			return plan.toString();
		}
	}

	private static List<Long> nearest(Connection connection, String domain, float[] query) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SCOPED)) {
			bind(statement, domain, query);
			List<Long> ids = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					ids.add(result.getLong(1));
				}
			}
			return ids;
		}
	}

	private static void bind(PreparedStatement statement, String domain, float[] query) throws SQLException {
		statement.setString(1, domain);
		statement.setBoolean(2, false);
		statement.setString(3, new PGvector(query).toString());
	}

	private static List<Long> bruteForce(Map<Long, float[]> rows, float[] query) {
		return rows.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble((Map.Entry<Long, float[]> row) -> TestVectors.distance(Metric.COSINE, row.getValue(), query)))
			.limit(K)
			.map(Map.Entry::getKey)
			.toList();
	}

	private static float[] vector(Random random) {
		float[] vector = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return vector;
	}

}
