package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Several instances (threads with their own managers and connections) creating the same index at once build it
 * exactly once and none fails; an index left invalid by a failed {@code CONCURRENTLY} build is rebuilt.
 */
@DatabaseTest
class VectorIndexConcurrencyIntegrationTests {

	private static final int INSTANCES = 4;

	@Test
	void instancesEnsuringTheSameIndexTogetherBuildItExactlyOnce(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE together (id bigserial PRIMARY KEY, embedding vector(16))");
		IndexTestData.insertRandomVectors(schema, "together", "embedding", 16, 2000);
		VectorIndexDefinition definition = new VectorIndexDefinition(null, "together", "embedding", VectorType.VECTOR,
				Metric.COSINE, IndexType.HNSW, 16, 64, null, false, null, null);
		List<Boolean> built = runTogether(() -> new VectorIndexManager(schema.dataSource(),
				VectorIndexSettings.defaults()).ensureIndex(definition));
		assertThat(built).containsExactlyInAnyOrder(true, false, false, false);
		assertOneValidIndex(schema, "together");
	}

	@Test
	void instancesEnsuringTheSameIndexConcurrentlyBuildItExactlyOnce(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE together_concurrently (id bigserial PRIMARY KEY, embedding vector(16))");
		IndexTestData.insertRandomVectors(schema, "together_concurrently", "embedding", 16, 2000);
		VectorIndexDefinition definition = new VectorIndexDefinition(null, "together_concurrently", "embedding",
				VectorType.VECTOR, Metric.EUCLIDEAN, IndexType.IVFFLAT, null, null, null, true, null, null);
		List<Boolean> built = runTogether(() -> new VectorIndexManager(schema.dataSource(),
				VectorIndexSettings.defaults()).ensureIndex(definition));
		assertThat(built).containsExactlyInAnyOrder(true, false, false, false);
		assertOneValidIndex(schema, "together_concurrently");
	}

	@Test
	void instancesStartingTogetherCreateDeclaredIndexesExactlyOnce(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE starting_together (id bigint PRIMARY KEY, embedding vector(16))");
		schema.execute("INSERT INTO starting_together SELECT g, ('[' || array_to_string(array(SELECT random() + g * 0 "
				+ "FROM generate_series(1, 16)), ',') || ']')::vector FROM generate_series(1, 2000) g");
		VectorIndexSettings settings = VectorIndexSettings.builder().autoCreate(true).build();
		try (EntityManagerFactory emf = entityManagerFactory(schema)) {
			List<Boolean> built = runTogether(
					() -> new VectorIndexManager(schema.dataSource(), emf, settings).createDeclaredIndexes() == 1);
			assertThat(built).containsExactlyInAnyOrder(true, false, false, false);
		}
		assertOneValidIndex(schema, "starting_together");
	}

	@Test
	void indexLeftInvalidByAFailedConcurrentBuildIsDetectedAndRebuilt(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE failed_build (id bigserial PRIMARY KEY, embedding vector(8))");
		IndexTestData.insertRandomVectors(schema, "failed_build", "embedding", 8, 500);
		for (boolean concurrently : new boolean[] { false, true }) {
			VectorIndexDefinition definition = new VectorIndexDefinition(null, "failed_build", "embedding",
					VectorType.VECTOR, Metric.COSINE, IndexType.HNSW, 16, 64, null, concurrently, null, null);
			VectorIndexManager manager = new VectorIndexManager(schema.dataSource(), VectorIndexSettings.defaults());
			failConcurrentBuild(schema, definition.createSql().replace("CREATE INDEX ", "CREATE INDEX CONCURRENTLY ")
				.replace("CONCURRENTLY CONCURRENTLY", "CONCURRENTLY"));
			assertThat(manager.indexes(null, "failed_build")).singleElement()
				.satisfies((info) -> assertThat(info.valid()).isFalse());
			assertThat(manager.ensureIndex(definition)).isTrue();
			assertThat(manager.indexes(null, "failed_build")).singleElement().satisfies((info) -> {
				assertThat(info.name()).isEqualTo("failed_build_embedding_hnsw_cosine_idx");
				assertThat(info.valid()).isTrue();
			});
			assertThat(manager.ensureIndex(definition)).isFalse();
			assertThat(manager.dropIndex(definition)).isTrue();
		}
	}

	/**
	 * A {@code CREATE INDEX CONCURRENTLY} commits the index's catalog entry first, then waits for transactions
	 * writing to the table: an open writer plus a statement timeout makes it fail at that point, leaving the index
	 * INVALID exactly as a build that crashed or was cancelled would (no superuser needed).
	 */
	private static void failConcurrentBuild(TestSchema schema, String createConcurrently) throws SQLException {
		try (Connection writer = schema.connect(); Connection builder = schema.connect()) {
			writer.setAutoCommit(false);
			try (Statement statement = writer.createStatement()) {
				statement.execute("INSERT INTO failed_build (embedding) VALUES ('[1,2,3,4,5,6,7,8]')");
			}
			try (Statement statement = builder.createStatement()) {
				statement.execute("SET statement_timeout = '1s'");
				assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(createConcurrently))
					.withMessageContaining("statement timeout");
			}
			writer.rollback();
		}
	}

	private static List<Boolean> runTogether(Callable<Boolean> instance) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> futures = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return instance.call();
				}));
			}
			start.countDown();
			List<Boolean> results = new ArrayList<>();
			for (Future<Boolean> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void assertOneValidIndex(TestSchema schema, String table) {
		assertThat(new VectorIndexManager(schema.dataSource(), VectorIndexSettings.defaults()).indexes(null, table))
			.singleElement()
			.satisfies((info) -> assertThat(info.valid()).isTrue());
		assertThat(schema.query("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '"
				+ table + "' AND indexname <> '" + table + "_pkey'")).containsExactly(List.of(1L));
	}

	private static EntityManagerFactory entityManagerFactory(TestSchema schema) {
		return new HibernatePersistenceConfiguration("concurrency").managedClasses(StartingTogether.class)
			.jdbcUrl(schema.jdbcUrl())
			.property(AvailableSettings.HBM2DDL_AUTO, "none")
			.property(VectorJpaSettings.METRIC, "cosine")
			.createEntityManagerFactory();
	}

	@Entity
	@Table(name = "starting_together")
	static class StartingTogether {

		@Id
		Long id;

		@VectorColumn(dimensions = 16)
		@VectorIndex(type = IndexType.HNSW, m = 8, efConstruction = 40)
		float[] embedding;

	}

}
