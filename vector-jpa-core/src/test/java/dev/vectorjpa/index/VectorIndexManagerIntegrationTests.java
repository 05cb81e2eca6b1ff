package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vectorjpa.Metric;
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
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The entity-level API: declared indexes at start-up, the IVFFlat row threshold, explicit create/drop/reindex and
 * build progress.
 */
@DatabaseTest
class VectorIndexManagerIntegrationTests {

	@Test
	void declaredHnswIsCreatedAtOnceAndIvfflatOnlyOnceTheTableHoldsMinRows(TestSchema schema) {
		schema.execute("DROP TABLE IF EXISTS passage",
				"CREATE TABLE passage (id bigserial PRIMARY KEY, embedding vector(8), summary halfvec(8))");
		IndexTestData.insertRandomVectors(schema, "passage", "embedding", 8, 40);
		VectorIndexSettings settings = VectorIndexSettings.builder().autoCreate(true).minRows(100).build();
		try (EntityManagerFactory emf = entityManagerFactory(schema, Passage.class)) {
			VectorIndexManager manager = new VectorIndexManager(schema.dataSource(), emf, settings);
			assertThat(manager.createDeclaredIndexes()).isEqualTo(1);
			assertThat(manager.indexes(Passage.class)).singleElement().satisfies((info) -> {
				assertThat(info.name()).isEqualTo("passage_summary_hnsw_inner_product_idx");
				assertThat(info.operatorClass()).isEqualTo("halfvec_ip_ops");
				assertThat(info.parameters()).isEqualTo(Map.of("m", "12", "ef_construction", "64"));
			});
			IndexTestData.insertRandomVectors(schema, "passage", "embedding", 8, 59);
			assertThat(manager.onRowsAdded(Passage.class)).isZero();
			IndexTestData.insertRandomVectors(schema, "passage", "embedding", 8, 1);
			assertThat(manager.onRowsAdded(Passage.class)).isEqualTo(1);
			assertThat(manager.onRowsAdded(Passage.class)).isZero();
			assertThat(manager.indexes(Passage.class)).hasSize(2).anySatisfy((info) -> {
				assertThat(info.name()).isEqualTo("passage_embedding_ivfflat_euclidean_idx");
				assertThat(info.type()).isEqualTo(IndexType.IVFFLAT);
				assertThat(info.operatorClass()).isEqualTo("vector_l2_ops");
				// 100 rows: max(100 / 1000, 10)
				assertThat(info.parameters()).isEqualTo(Map.of("lists", "10"));
				assertThat(info.valid()).isTrue();
			});
		}
	}

	@Test
	void declaredIndexesOnTablesHibernateCreatedServeTheEntitysMetric(TestSchema schema) throws Exception {
		try (EntityManagerFactory emf = new HibernatePersistenceConfiguration("generated")
			.managedClasses(Snippet.class)
			.jdbcUrl(schema.jdbcUrl())
			.property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
			.createEntityManagerFactory()) {
			emf.runInTransaction((em) -> {
				for (long i = 0; i < 20; i++) {
					Snippet snippet = new Snippet();
					snippet.id = i;
					snippet.embedding = new float[] { i, 1, 20 - i, 0.5f };
					em.persist(snippet);
				}
			});
			VectorIndexManager manager = new VectorIndexManager(schema.dataSource(), emf,
					VectorIndexSettings.builder().autoCreate(true).build());
			assertThat(manager.createDeclaredIndexes()).isEqualTo(1);
			assertThat(manager.indexes(Snippet.class)).singleElement().satisfies((info) -> {
				assertThat(info.name()).isEqualTo("snippet_embedding_hnsw_l1_idx");
				assertThat(info.operatorClass()).isEqualTo("vector_l1_ops");
			});
			try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
				statement.execute("SET enable_seqscan = off");
				try (ResultSet rs = statement
					.executeQuery("EXPLAIN SELECT id FROM snippet ORDER BY embedding <+> '[1,1,1,1]' LIMIT 3")) {
					rs.next();
					assertThat(rs.getString(1)).contains("Limit");
					rs.next();
					assertThat(rs.getString(1)).contains("Index Scan using snippet_embedding_hnsw_l1_idx");
				}
			}
		}
	}

	@Test
	void nothingIsCreatedAtStartUpWhenAutoCreateIsOff(TestSchema schema) {
		schema.execute("DROP TABLE IF EXISTS passage",
				"CREATE TABLE passage (id bigserial PRIMARY KEY, embedding vector(8), summary halfvec(8))");
		try (EntityManagerFactory emf = entityManagerFactory(schema, Passage.class)) {
			VectorIndexManager manager = new VectorIndexManager(schema.dataSource(), emf,
					VectorIndexSettings.defaults());
			assertThat(manager.createDeclaredIndexes()).isZero();
			assertThat(manager.indexes(Passage.class)).isEmpty();
			assertThat(manager.declaredIndexes()).extracting(VectorIndexDefinition::indexName)
				.containsExactlyInAnyOrder("passage_embedding_ivfflat_euclidean_idx",
						"passage_summary_hnsw_inner_product_idx");
		}
	}

	@Test
	void explicitCreateDropAndReindexOnAnEntity(TestSchema schema) {
		schema.execute("CREATE TABLE note (id bigserial PRIMARY KEY, embedding vector(8))");
		IndexTestData.insertRandomVectors(schema, "note", "embedding", 8, 2500);
		VectorIndexSettings settings = VectorIndexSettings.builder().maintenanceWorkMem("64MB").build();
		try (EntityManagerFactory emf = entityManagerFactory(schema, Note.class)) {
			VectorIndexManager manager = new VectorIndexManager(schema.dataSource(), emf, settings);
			assertThat(manager.createIndex(Note.class, IndexType.IVFFLAT, IndexParams.defaults())).isTrue();
			assertThat(manager.createIndex(Note.class, IndexType.HNSW, IndexParams.hnsw(8, 20))).isTrue();
			assertThat(manager.createIndex(Note.class, IndexType.HNSW, IndexParams.hnsw(8, 20))).isFalse();
			assertThat(manager.indexes(Note.class)).extracting(IndexInfo::name, IndexInfo::parameters)
				.containsExactly(tuple("note_embedding_hnsw_cosine_idx",
						Map.of("m", "8", "ef_construction", "20")),
						tuple("note_embedding_ivfflat_cosine_idx", Map.of("lists", "10")));
			manager.reindex(Note.class);
			assertThat(manager.indexes(Note.class)).allSatisfy((info) -> assertThat(info.valid()).isTrue());
			assertThat(manager.dropIndex(Note.class, IndexType.IVFFLAT)).isTrue();
			assertThat(manager.dropIndex(Note.class, IndexType.IVFFLAT)).isFalse();
			assertThat(manager.indexes(Note.class)).extracting(IndexInfo::name)
				.containsExactly("note_embedding_hnsw_cosine_idx");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> manager.createIndex(Note.class, IndexType.IVFFLAT, IndexParams.hnsw(8, 20)))
				.withMessage("IVFFLAT index on Note.embedding takes IndexParams.ivfflat(lists) or defaults(), got "
						+ "IndexParams[m=8, efConstruction=20, lists=null]");
		}
	}

	@Test
	void progressOfALongerBuildIsReportedToTheListener(TestSchema schema) {
		schema.execute("CREATE TABLE long_build (id bigserial PRIMARY KEY, embedding vector(32))");
		IndexTestData.insertRandomVectors(schema, "long_build", "embedding", 32, 3000);
		VectorIndexManager manager = new VectorIndexManager(schema.dataSource(),
				VectorIndexSettings.builder().progressInterval(Duration.ofMillis(20)).build());
		List<IndexBuildProgress> reports = new CopyOnWriteArrayList<>();
		manager.setProgressListener(reports::add);
		VectorIndexDefinition definition = new VectorIndexDefinition(null, "long_build", "embedding",
				VectorType.VECTOR, Metric.EUCLIDEAN, IndexType.HNSW, 16, 64, null, false, null, null);
		assertThat(manager.ensureIndex(definition)).isTrue();
		assertThat(reports).isNotEmpty().allSatisfy((progress) -> {
			assertThat(progress.indexName()).isEqualTo("long_build_embedding_hnsw_euclidean_idx");
			assertThat(progress.phase()).isNotBlank();
			assertThat(progress.elapsed()).isPositive();
		});
	}

	@Test
	void buildSettingsApplyToTheBuildOnlyAndAreResetOnThePooledConnection(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE settings_scope (id bigserial PRIMARY KEY, embedding vector(8))");
		IndexTestData.insertRandomVectors(schema, "settings_scope", "embedding", 8, 200);
		try (Connection connection = schema.connect()) {
			String defaultMemory = show(connection, "maintenance_work_mem");
			String defaultWorkers = show(connection, "max_parallel_maintenance_workers");
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			for (boolean concurrently : new boolean[] { false, true }) {
				VectorIndexDefinition definition = new VectorIndexDefinition(null, "settings_scope", "embedding",
						VectorType.VECTOR, Metric.COSINE, IndexType.HNSW, 16, 64, null, concurrently, null, null);
				VectorIndexManager broken = new VectorIndexManager(dataSource,
						VectorIndexSettings.builder().maintenanceWorkMem("lots").build());
				assertThatIllegalStateException().isThrownBy(() -> broken.ensureIndex(definition))
					.withMessageContaining("invalid value for parameter \"maintenance_work_mem\": \"lots\"");
				VectorIndexManager manager = new VectorIndexManager(dataSource,
						VectorIndexSettings.builder().maintenanceWorkMem("96MB").build());
				assertThat(manager.ensureIndex(definition)).isTrue();
				assertThat(show(connection, "maintenance_work_mem")).isEqualTo(defaultMemory);
				assertThat(show(connection, "max_parallel_maintenance_workers")).isEqualTo(defaultWorkers);
				assertThat(connection.getAutoCommit()).isTrue();
				assertThat(manager.dropIndex(definition)).isTrue();
			}
		}
	}

	private static String show(Connection connection, String setting) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static EntityManagerFactory entityManagerFactory(TestSchema schema, Class<?> entity) {
		return new HibernatePersistenceConfiguration("indexes").managedClasses(entity)
			.jdbcUrl(schema.jdbcUrl())
			.property(AvailableSettings.HBM2DDL_AUTO, "none")
			.createEntityManagerFactory();
	}

	@Entity
	@Table(name = "passage")
	static class Passage {

		@Id
		Long id;

		@VectorColumn(dimensions = 8, metric = Metric.EUCLIDEAN)
		@VectorIndex(type = IndexType.IVFFLAT)
		float[] embedding;

		@VectorColumn(dimensions = 8, type = VectorType.HALFVEC, metric = Metric.INNER_PRODUCT)
		@VectorIndex(m = 12)
		float[] summary;

	}

	@Entity
	@Table(name = "snippet")
	static class Snippet {

		@Id
		Long id;

		@VectorColumn(dimensions = 4, metric = Metric.L1)
		@VectorIndex
		float[] embedding;

	}

	@Entity
	@Table(name = "note")
	static class Note {

		@Id
		Long id;

		@VectorColumn(dimensions = 8)
		float[] embedding;

	}

}
