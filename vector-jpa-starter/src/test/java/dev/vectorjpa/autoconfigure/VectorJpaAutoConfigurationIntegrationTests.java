package dev.vectorjpa.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.vectorjpa.autoconfigure.app.StarterDocument;
import dev.vectorjpa.autoconfigure.app.StarterDocumentRepository;
import dev.vectorjpa.autoconfigure.app.StarterTestApplication;
import dev.vectorjpa.autoconfigure.mismatch.MismatchTestApplication;
import dev.vectorjpa.hibernate.MappedVectorColumns;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.jdbc.PgVectorSchemaValidator.ExpectedColumn;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.Metric;
import dev.vectorjpa.store.IdType;
import dev.vectorjpa.store.PgVectorStore;
import dev.vectorjpa.store.StoreColumn;
import dev.vectorjpa.store.VectorStoreSettings;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Boots real Spring Boot JPA applications with the starter against the database.
 */
@DatabaseTest
class VectorJpaAutoConfigurationIntegrationTests {

	@Test
	void bootsAJpaApplicationWithTheExtensionFirstAndDimensionsFromProperties(TestSchema schema) {
		try (ConfigurableApplicationContext context = run(StarterTestApplication.class,
				"spring.jpa.hibernate.ddl-auto=create-drop", "vector-jpa.dimensions=3")) {
			EntityManagerFactory entityManagerFactory = context.getBean(EntityManagerFactory.class);
			assertThat(entityManagerFactory.unwrap(SessionFactoryImplementor.class).getProperties())
				.containsEntry(VectorJpaSettings.DIMENSIONS, 3);
			assertThat(MappedVectorColumns.of(entityManagerFactory)).containsExactly(new ExpectedColumn(
					"StarterDocument.embedding", "starter_documents", "embedding", VectorType.VECTOR, 3));
			assertThat(schema.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
					+ schema.name() + ".starter_documents'::regclass AND attname = 'embedding'"))
				.containsExactly(List.of("vector(3)"));
			assertThat(context.getBeanNamesForType(VectorJpaSchemaValidation.class)).hasSize(1);
			// The extension is created before the entity manager factory (and its schema generation) starts.
			String[] extensionInitializers = context.getBeanNamesForType(VectorJpaExtensionInitializer.class);
			assertThat(extensionInitializers).hasSize(1);
			assertThat(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
				.contains(extensionInitializers[0]);
			EntityManager entityManager = entityManagerFactory.createEntityManager();
			entityManager.getTransaction().begin();
			entityManager.persist(new StarterDocument(UUID.randomUUID(), "x", new float[] { 1, 0, 0 }));
			entityManager.getTransaction().commit();
			entityManager.close();
			assertThat(schema.query("SELECT embedding::text FROM starter_documents"))
				.containsExactly(List.of("[1,0,0]"));
			assertThat(context.getBeanNamesForType(VectorIndexManager.class)).hasSize(1);
		}
	}

	@Test
	void vectorRepositoriesWorkWithoutAnnotation() {
		try (ConfigurableApplicationContext context = run(StarterTestApplication.class,
				"spring.jpa.hibernate.ddl-auto=create-drop", "vector-jpa.dimensions=3")) {
			StarterDocumentRepository repository = context.getBean(StarterDocumentRepository.class);
			StarterDocument red = new StarterDocument(UUID.randomUUID(), "red", new float[] { 1, 0, 0 });
			StarterDocument green = new StarterDocument(UUID.randomUUID(), "green", new float[] { 0, 1, 0 });
			StarterDocument blue = new StarterDocument(UUID.randomUUID(), "blue", new float[] { 0, 0, 1 });
			repository.saveAll(List.of(red, green, blue));
			float[] query = { 0.9f, 0.2f, 0 };
			// Brute force: cosine distance 1 - q.v / (|q| |v|) with unit vectors v.
			double norm = Math.sqrt(0.81 + 0.04);
			List<Nearest<StarterDocument>> nearest = repository.findNearest(query, 2);
			assertThat(nearest).extracting((hit) -> hit.entity().getTitle()).containsExactly("red", "green");
			assertThat(nearest.get(0).distance()).isCloseTo(1 - 0.9 / norm, within(1e-6));
			assertThat(nearest.get(1).distance()).isCloseTo(1 - 0.2 / norm, within(1e-6));
			assertThat(repository.findNearestByTitle(query, "blue", 5)).extracting((hit) -> hit.entity().getTitle())
				.containsExactly("blue");
		}
	}

	@Test
	void searchesWritesAndIndexBuildsAreObservedWithDatabaseConventions() {
		try (ConfigurableApplicationContext context = run(StarterTestApplication.class,
				"spring.jpa.hibernate.ddl-auto=create-drop", "vector-jpa.dimensions=3", "vector-jpa.store.enabled=true",
				"vector-jpa.store.schema=" + TestSchema.current().name(), "vector-jpa.store.table=observed_docs")) {
			List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
			context.getBean(io.micrometer.observation.ObservationRegistry.class)
				.observationConfig()
				.observationHandler(new io.micrometer.observation.ObservationHandler<>() {

					@Override
					public boolean supportsContext(io.micrometer.observation.Observation.Context observation) {
						return observation.getName().equals("db.vector.client.operation");
					}

					@Override
					public void onStop(io.micrometer.observation.Observation.Context observation) {
						observed.add(observation.getContextualName() + " " + value(observation, "db.operation.name")
								+ " " + value(observation, "db.collection.name") + " "
								+ value(observation, "db.search.similarity_metric") + " "
								+ value(observation, "db.system.name") + " " + value(observation, "db.system") + " "
								+ value(observation, "vector-jpa.entity") + " " + value(observation, "vector-jpa.metric"));
					}

				});
			StarterDocumentRepository repository = context.getBean(StarterDocumentRepository.class);
			repository.bulkInsert(List.of(new StarterDocument(UUID.randomUUID(), "red", new float[] { 1, 0, 0 })));
			assertThat(repository.findNearest(new float[] { 1, 0, 0 }, 1)).hasSize(1);
			assertThat(repository.findNearest((root, query, builder) -> builder.equal(root.get("title"), "red"),
					new float[] { 1, 0, 0 }, 1)).hasSize(1);
			context.getBean(dev.vectorjpa.index.VectorIndexManager.class)
				.createIndex(StarterDocument.class, dev.vectorjpa.mapping.IndexType.HNSW,
						dev.vectorjpa.index.IndexParams.defaults());
			dev.vectorjpa.store.VectorStore store = context.getBean(dev.vectorjpa.store.VectorStore.class);
			List<Object> ids = store.add(List.of(new float[] { 0, 1, 0 }), null, null);
			assertThat(store.search(new float[] { 0, 1, 0 }, 1)).hasSize(1);
			assertThat(store.updateMetadata(ids, List.of(Map.of("k", "v")))).isOne();
			assertThat(store.delete(ids)).isOne();
			assertThat(observed).containsExactly(
					"add StarterDocument add StarterDocument none postgresql pg_vector StarterDocument none",
					"query StarterDocument query StarterDocument cosine postgresql pg_vector StarterDocument cosine",
					"query StarterDocument query StarterDocument cosine postgresql pg_vector StarterDocument cosine",
					"create_index starter_documents create_index starter_documents cosine postgresql pg_vector "
							+ "starter_documents cosine",
					"add observed_docs add observed_docs none postgresql pg_vector observed_docs none",
					"query observed_docs query observed_docs cosine postgresql pg_vector observed_docs cosine",
					"update observed_docs update observed_docs none postgresql pg_vector observed_docs none",
					"delete observed_docs delete observed_docs none postgresql pg_vector observed_docs none");
		}
	}

	private static String value(io.micrometer.observation.Observation.Context observation, String key) {
		io.micrometer.common.KeyValue value = observation.getLowCardinalityKeyValue(key);
		return (value != null) ? value.getValue() : "(missing " + key + ")";
	}

	@Test
	void storeTakesStorePropertiesAndCreatesItsTable(TestSchema schema) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(VectorJpaAutoConfiguration.class))
			.withBean(DataSource.class, schema::dataSource)
			.withPropertyValues("vector-jpa.dimensions=3", "vector-jpa.store.schema=" + schema.name(),
					"vector-jpa.store.enabled=true", "vector-jpa.store.table=docs", "vector-jpa.store.id-type=text",
					"vector-jpa.store.columns.embedding=vec", "vector-jpa.metric=euclidean", "vector-jpa.domain=acme")
			.run((context) -> {
				VectorStoreSettings settings = context.getBean(PgVectorStore.class).getSettings();
				assertThat(settings.dimensions()).isEqualTo(3);
				assertThat(settings.schema()).isEqualTo(schema.name());
				assertThat(schema.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
						+ schema.name() + ".docs'::regclass AND attname = 'vec'")).containsExactly(List.of("vector(3)"));
				assertThat(settings.table()).isEqualTo("docs");
				assertThat(settings.idType()).isEqualTo(IdType.TEXT);
				assertThat(settings.column(StoreColumn.EMBEDDING)).isEqualTo("vec");
				assertThat(settings.column(StoreColumn.CREATED_AT)).isEqualTo("created_at");
				assertThat(settings.metric()).isEqualTo(Metric.EUCLIDEAN);
				assertThat(settings.domain()).isEqualTo("acme");
			});
	}

	@Test
	void healthReportsTheExtensionVersionAndInvalidIndexes(TestSchema schema) {
		try (ConfigurableApplicationContext context = run(StarterTestApplication.class,
				"spring.jpa.hibernate.ddl-auto=create-drop", "vector-jpa.dimensions=3")) {
			VectorJpaHealthIndicator health = context.getBean(VectorJpaHealthIndicator.class);
			String version = (String) schema.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
				.get(0)
				.get(0);
			Health up = health.health();
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsOnly(Map.entry("extension", "vector"), Map.entry("version", version));
			// A failed CREATE INDEX CONCURRENTLY leaves an invalid index behind.
			schema.execute("CREATE TABLE duplicates (id int, embedding vector(2))",
					"INSERT INTO duplicates VALUES (1, '[1,1]'), (2, '[1,1]')");
			try {
				schema.execute("CREATE UNIQUE INDEX CONCURRENTLY duplicates_embedding ON duplicates (embedding)");
			}
			catch (IllegalStateException expected) {
				assertThat(expected).hasMessageContaining("could not create unique index");
			}
			Health down = health.health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("invalidIndexes",
					List.of(schema.name() + ".duplicates_embedding"));
			schema.execute("DROP TABLE duplicates");
		}
	}

	@Test
	void failsStartUpListingEverySchemaProblem(TestSchema schema) {
		schema.execute("CREATE TABLE wrong_dimension (id bigint PRIMARY KEY, embedding vector(5))",
				"CREATE TABLE wrong_type (id bigint PRIMARY KEY, embedding real[])");
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> run(MismatchTestApplication.class, "spring.jpa.hibernate.ddl-auto=none",
					"vector-jpa.dimensions=3").close())
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessage(String.join(System.lineSeparator(),
					"The database schema does not match the vector mapping (3 problems; set "
							+ "vector-jpa.validate-schema=false to skip this check):",
					" - MissingTableDocument.embedding: table missing_table does not exist (expected column embedding "
							+ "vector(3)); create it with a migration (Liquibase: spring-boot-starter-liquibase and a "
							+ "changelog, see docs/liquibase.md) or let Hibernate create it "
							+ "(spring.jpa.hibernate.ddl-auto=update)",
					" - WrongDimensionDocument.embedding: column wrong_dimension.embedding is vector(5), expected "
							+ "vector(3)",
					" - WrongTypeDocument.embedding: column wrong_type.embedding is real[], expected vector(3)"));
		try (ConfigurableApplicationContext context = run(MismatchTestApplication.class,
				"spring.jpa.hibernate.ddl-auto=none", "vector-jpa.dimensions=3", "vector-jpa.validate-schema=false")) {
			assertThat(context.getBeanNamesForType(VectorJpaSchemaValidation.class)).isEmpty();
		}
		schema.execute("DROP TABLE wrong_dimension", "DROP TABLE wrong_type");
	}

	private static ConfigurableApplicationContext run(Class<?> application, String... properties) {
		SpringApplication app = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + TestSchema.current().jdbcUrl())
			.properties(properties)
			.build();
		return app.run();
	}

}
