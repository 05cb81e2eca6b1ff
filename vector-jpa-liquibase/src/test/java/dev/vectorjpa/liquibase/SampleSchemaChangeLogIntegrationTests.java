package dev.vectorjpa.liquibase;

import java.util.List;

import dev.vectorjpa.Metric;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static dev.vectorjpa.liquibase.VectorChangeLogIntegrationTests.columnTypes;
import static dev.vectorjpa.liquibase.VectorChangeLogIntegrationTests.indexes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application's schema (the mapping of the contract's {@code Document} entity) managed by Liquibase.
 */
@DatabaseTest
class SampleSchemaChangeLogIntegrationTests {

	private static final String CHANGELOG = "db/changelog/sample/db.changelog-master.yaml";

	@Test
	void sampleSchemaIsCreatedWithTheIndexVectorIndexManagerRecognisesAndRollsBack(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update(CHANGELOG);
			assertThat(columnTypes(schema, "document")).containsExactly(List.of("id", "uuid"),
					List.of("title", "character varying(255)"), List.of("category", "character varying(100)"),
					List.of("embedding", "vector(384)"));
			assertThat(indexes(schema, "document")).containsExactly(List.of(
					VectorIndexDefinition.defaultName("document", "embedding", IndexType.HNSW, Metric.COSINE), "hnsw",
					"vector_cosine_ops", "{m=16,ef_construction=64}"));

			liquibase.update(CHANGELOG);
			assertThat(schema.query("SELECT count(*) FROM databasechangelog")).as("a second run is a no-op")
				.containsExactly(List.of(3L));

			liquibase.rollbackCount(CHANGELOG, 3);
			assertThat(columnTypes(schema, "document")).isEmpty();
		}
	}

}
