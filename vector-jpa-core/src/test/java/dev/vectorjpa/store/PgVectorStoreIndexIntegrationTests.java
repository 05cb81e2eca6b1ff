package dev.vectorjpa.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.pgvector.PGvector;
import dev.vectorjpa.Metric;
import dev.vectorjpa.index.IndexInfo;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The reference backend's explicit and automatic index creation, checked in the catalog and in the plan.
 */
@DatabaseTest
class PgVectorStoreIndexIntegrationTests {

	private static final int DIMS = 16;

	@Test
	void explicitIvfflatAfterDataServesTheSearch(TestSchema schema) throws Exception {
		VectorStoreSettings settings = StoreTestVectors.settings("explicit_ivf", DIMS).build();
		VectorStore store = new PgVectorStore(schema.dataSource(), settings);
		store.add(StoreTestVectors.random(31, 500, DIMS), null, null);
		// tag::explicit-index[]
		store.createIndex(IndexType.IVFFLAT, IndexParams.ivfflat(20));
		// end::explicit-index[]
		store.createIndex(IndexType.IVFFLAT, IndexParams.ivfflat(20));
		assertThat(indexDefinitions(schema, "explicit_ivf")).containsExactly("CREATE INDEX explicit_ivf_embedding_ivfflat_cosine_idx ON "
				+ schema.name() + ".explicit_ivf USING ivfflat (embedding vector_cosine_ops) WITH (lists='20')");
		assertThat(plan(schema, settings)).contains("Index Scan using explicit_ivf_embedding_ivfflat_cosine_idx");
	}

	@Test
	void explicitHnswWithParameters(TestSchema schema) throws Exception {
		VectorStoreSettings settings = StoreTestVectors.settings("explicit_hnsw", DIMS)
			.metric(Metric.INNER_PRODUCT)
			.domain("d")
			.concurrently(true)
			.build();
		VectorStore store = new PgVectorStore(schema.dataSource(), settings);
		store.add(StoreTestVectors.random(32, 50, DIMS), null, null);
		store.createIndex(IndexType.HNSW, IndexParams.hnsw(8, 32));
		assertThat(indexDefinitions(schema, "explicit_hnsw")).containsExactly("CREATE INDEX explicit_hnsw_embedding_hnsw_inner_product_idx ON "
				+ schema.name() + ".explicit_hnsw USING hnsw (embedding vector_ip_ops) WITH (m='8', ef_construction='32')");
		assertThat(plan(schema, settings)).contains("Index Scan using explicit_hnsw_embedding_hnsw_inner_product_idx");
	}

	@Test
	void autoIvfflatWaitsForMinRows(TestSchema schema) {
		// tag::auto-index[]
		VectorStoreSettings settings = VectorStoreSettings.builder(DIMS)
			.schema(schema.name())
			.table("auto_ivf")
			.indexType(IndexType.IVFFLAT)
			.autoCreateIndex(true)
			.minRowsForIndex(100)
			.build();
		// end::auto-index[]
		VectorStore store = new PgVectorStore(schema.dataSource(), settings);
		store.add(StoreTestVectors.random(33, 60, DIMS), null, null);
		assertThat(indexDefinitions(schema, "auto_ivf")).isEmpty();
		store.add(StoreTestVectors.random(34, 39, DIMS), null, null);
		assertThat(indexDefinitions(schema, "auto_ivf")).isEmpty();
		store.add(StoreTestVectors.random(35, 1, DIMS), null, null);
		assertThat(indexDefinitions(schema, "auto_ivf")).containsExactly("CREATE INDEX auto_ivf_embedding_ivfflat_cosine_idx ON "
				+ schema.name() + ".auto_ivf USING ivfflat (embedding vector_cosine_ops) WITH (lists='10')");
	}

	@Test
	void autoHnswIsCreatedAtOnceOnAnEmptyTable(TestSchema schema) {
		PgVectorStore store = new PgVectorStore(schema.dataSource(), StoreTestVectors.settings("auto_hnsw", DIMS)
			.indexType(IndexType.HNSW)
			.indexParams(IndexParams.hnsw(12, 48))
			.autoCreateIndex(true)
			.build());
		store.initialize();
		assertThat(store.count()).isZero();
		assertThat(indexDefinitions(schema, "auto_hnsw")).containsExactly("CREATE INDEX auto_hnsw_embedding_hnsw_cosine_idx ON "
				+ schema.name() + ".auto_hnsw USING hnsw (embedding vector_cosine_ops) WITH (m='12', ef_construction='48')");
	}

	@Test
	void concurrentAutoIvfflatIsBuiltAfterTheSpringTransactionCommits(TestSchema schema) {
		javax.sql.DataSource dataSource = schema.dataSource();
		VectorStore store = new PgVectorStore(dataSource, StoreTestVectors.settings("auto_concurrent", DIMS)
			.indexType(IndexType.IVFFLAT)
			.autoCreateIndex(true)
			.minRowsForIndex(50)
			.concurrently(true)
			.build());
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transaction.executeWithoutResult((status) -> {
			store.add(StoreTestVectors.random(36, 50, DIMS), null, null);
			assertThat(indexDefinitions(schema, "auto_concurrent")).isEmpty();
		});
		// built in the background once the transaction is over (its connection stays held until then)
		assertThat(awaitIndexDefinitions(schema, "auto_concurrent")).containsExactly("CREATE INDEX auto_concurrent_embedding_ivfflat_cosine_idx ON "
				+ schema.name() + ".auto_concurrent USING ivfflat (embedding vector_cosine_ops) WITH (lists='10')");
	}

	@Test
	void autoIvfflatInsideASpringTransactionIsBuiltOnceItCommits(TestSchema schema) {
		javax.sql.DataSource dataSource = schema.dataSource();
		VectorStore store = new PgVectorStore(dataSource, StoreTestVectors.settings("auto_in_tx", DIMS)
			.indexType(IndexType.IVFFLAT)
			.autoCreateIndex(true)
			.minRowsForIndex(50)
			.build());
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transaction.executeWithoutResult((status) -> {
			store.add(StoreTestVectors.random(38, 30, DIMS), null, null);
			store.add(StoreTestVectors.random(39, 30, DIMS), null, null);
			assertThat(indexDefinitions(schema, "auto_in_tx")).isEmpty();
		});
		// built in the background once the transaction is over (its connection stays held until then)
		assertThat(awaitIndexDefinitions(schema, "auto_in_tx")).containsExactly("CREATE INDEX auto_in_tx_embedding_ivfflat_cosine_idx ON "
				+ schema.name() + ".auto_in_tx USING ivfflat (embedding vector_cosine_ops) WITH (lists='10')");
	}

	@Test
	void autoHnswOfAStoreFirstUsedInsideATransactionIsBuiltWhenItEnds(TestSchema schema) {
		javax.sql.DataSource dataSource = schema.dataSource();
		VectorStore store = new PgVectorStore(dataSource, StoreTestVectors.settings("auto_hnsw_tx", DIMS)
			.indexType(IndexType.HNSW)
			.autoCreateIndex(true)
			.build());
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transaction.executeWithoutResult((status) -> {
			store.add(StoreTestVectors.random(42, 10, DIMS), null, null);
			assertThat(indexDefinitions(schema, "auto_hnsw_tx")).isEmpty();
		});
		// built in the background once the transaction is over (its connection stays held until then)
		assertThat(awaitIndexDefinitions(schema, "auto_hnsw_tx")).containsExactly("CREATE INDEX auto_hnsw_tx_embedding_hnsw_cosine_idx ON "
				+ schema.name() + ".auto_hnsw_tx USING hnsw (embedding vector_cosine_ops) WITH (m='16', ef_construction='64')");
	}

	@Test
	void rolledBackRowsDoNotTriggerTheAutoIvfflat(TestSchema schema) {
		javax.sql.DataSource dataSource = schema.dataSource();
		VectorStore store = new PgVectorStore(dataSource, StoreTestVectors.settings("auto_rollback", DIMS)
			.indexType(IndexType.IVFFLAT)
			.autoCreateIndex(true)
			.minRowsForIndex(50)
			.build());
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transaction.executeWithoutResult((status) -> {
			store.add(StoreTestVectors.random(40, 60, DIMS), null, null);
			status.setRollbackOnly();
		});
		assertThat(store.count()).isZero();
		assertThat(indexDefinitions(schema, "auto_rollback")).isEmpty();
	}

	@Test
	void sharedIndexManagerBuildsWithTheStoresParameters(TestSchema schema) {
		VectorIndexManager manager = new VectorIndexManager(schema.dataSource(), VectorIndexSettings.builder()
			.minRows(10)
			.build());
		VectorStore store = new PgVectorStore(schema.dataSource(), StoreTestVectors.settings("shared", DIMS)
			.metric(Metric.EUCLIDEAN)
			.hnsw(8, 40)
			.build(), manager);
		store.add(StoreTestVectors.random(41, 20, DIMS), null, null);
		store.createIndex(IndexType.HNSW, IndexParams.defaults());
		assertThat(manager.indexes(schema.name(), "shared")).extracting(IndexInfo::name)
			.containsExactly("shared_embedding_hnsw_euclidean_idx");
		assertThat(indexDefinitions(schema, "shared")).containsExactly("CREATE INDEX shared_embedding_hnsw_euclidean_idx ON "
				+ schema.name() + ".shared USING hnsw (embedding vector_l2_ops) WITH (m='8', ef_construction='40')");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PgVectorStore(schema.dataSource(), StoreTestVectors.settings("shared", DIMS)
				.indexType(IndexType.IVFFLAT)
				.autoCreateIndex(true)
				.minRowsForIndex(100)
				.build(), manager))
			.withMessage("The store creates its IVFFlat index from 100 rows but the VectorIndexManager's min-rows is 10: "
					+ "configure both with the same vector-jpa.index.min-rows");
	}

	@Test
	void instancesCreatingTheSameIndexAtOnceBuildItOnce(TestSchema schema) throws Exception {
		VectorStoreSettings settings = StoreTestVectors.settings("raced", DIMS).build();
		new PgVectorStore(schema.dataSource(), settings).add(StoreTestVectors.random(37, 300, DIMS), null, null);
		int instances = 4;
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try {
			CyclicBarrier barrier = new CyclicBarrier(instances);
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				VectorStore store = new PgVectorStore(schema.dataSource(), settings);
				futures.add(executor.submit(() -> {
					barrier.await();
					store.createIndex(IndexType.IVFFLAT, IndexParams.defaults());
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(indexDefinitions(schema, "raced")).containsExactly("CREATE INDEX raced_embedding_ivfflat_cosine_idx ON "
				+ schema.name() + ".raced USING ivfflat (embedding vector_cosine_ops) WITH (lists='10')");
	}

	@Test
	void defaultListsFollowTheRowCount() {
		assertThat(VectorIndexManager.defaultLists(0)).isEqualTo(10);
		assertThat(VectorIndexManager.defaultLists(50_000)).isEqualTo(50);
		assertThat(VectorIndexManager.defaultLists(1_000_000)).isEqualTo(1000);
		assertThat(VectorIndexManager.defaultLists(4_000_000)).isEqualTo(2000);
	}

	private static List<String> indexDefinitions(TestSchema schema, String table) {
		List<String> definitions = new ArrayList<>();
		schema.query("SELECT indexdef FROM pg_indexes WHERE schemaname = '" + schema.name() + "' AND tablename = '"
				+ table + "' AND indexname NOT LIKE '%_pkey' ORDER BY indexname")
			.forEach((row) -> definitions.add((String) row.get(0)));
		return definitions;
	}

	// The plan of the store's own search statement, sequential scans discouraged as on a large table.
	private static String plan(TestSchema schema, VectorStoreSettings settings) throws Exception {
		StoreSql sql = new StoreSql(settings);
		try (Connection connection = schema.connect()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET enable_seqscan = off");
			}
			try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql.search)) {
				int index = 1;
				explain.setObject(index++, new PGvector(StoreTestVectors.random(1, 1, DIMS).get(0)));
				if (settings.domain() != null) {
					explain.setString(index++, settings.domain());
				}
				explain.setInt(index, 5);
				StringBuilder plan = new StringBuilder();
				try (ResultSet rs = explain.executeQuery()) {
					while (rs.next()) {
						plan.append(rs.getString(1)).append('\n');
					}
				}
				return plan.toString();
			}
		}
	}


	private static List<String> awaitIndexDefinitions(TestSchema schema, String table) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		List<String> definitions = indexDefinitions(schema, table);
		while (definitions.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			definitions = indexDefinitions(schema, table);
		}
		return definitions;
	}

}
