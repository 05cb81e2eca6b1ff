package dev.vectorjpa.flyway;

import java.util.List;

import dev.vectorjpa.flyway.app.FlywayArticleRepository;
import dev.vectorjpa.flyway.app.FlywayTestApplication;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vector-jpa's start-up work (extension, schema validation, index creation) runs after Flyway's migration: the
 * schema is Flyway's ({@code ddl-auto=validate}), and validation would fail on a missing table otherwise.
 */
@DatabaseTest
@SpringBootTest(classes = FlywayTestApplication.class,
		properties = { "spring.flyway.locations=classpath:db/flywayapp", "spring.jpa.hibernate.ddl-auto=validate",
				"vector-jpa.index.auto-create=true", "vector-jpa.index.type=hnsw", "vector-jpa.index.min-rows=0" })
class FlywayStartupOrderIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	FlywayArticleRepository repository;

	@Test
	void startUpWorkDependsOnTheFlywayMigration(TestSchema schema) {
		for (String bean : List.of("vectorJpaExtensionInitializer", "vectorJpaSchemaValidation",
				"vectorJpaIndexInitializer")) {
			assertThat(this.context.getBeanFactory().getBeanDefinition(bean).getDependsOn()).as(bean)
				.contains("flywayInitializer");
		}
		assertThat(schema.query("SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly(List.of("1", true));
		// The index initializer ran after the migration created (and filled) the table.
		assertThat(schema.query("SELECT indexname FROM pg_indexes WHERE schemaname = '" + schema.name()
				+ "' AND tablename = 'flyway_article' AND indexname <> 'flyway_article_pkey'"))
			.containsExactly(List.of("flyway_article_embedding_hnsw_cosine_idx"));
		assertThat(this.repository.findNearest(new float[] { 0.1f, 0.9f, 0 }, 2))
			.extracting((hit) -> hit.entity().getTitle())
			.containsExactly("green", "red");
	}

}
