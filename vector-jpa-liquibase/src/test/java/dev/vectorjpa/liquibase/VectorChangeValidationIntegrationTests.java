package dev.vectorjpa.liquibase;

import java.util.List;

import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Wrong attributes fail Liquibase's validation with clear messages before any DDL runs.
 */
@DatabaseTest
class VectorChangeValidationIntegrationTests {

	@Test
	void invalidChangeSetsFailValidationWithClearMessagesBeforeAnySql(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			assertThatException().isThrownBy(() -> liquibase.update("db/changelog/invalid/invalid-changelog.yaml"))
				.withStackTraceContaining("pgvector has no IVFFLAT index for L1 on vector columns (document.embedding); use HNSW")
				.withStackTraceContaining("createVectorIndex type 'btree' is not a vector index type; expected hnsw or ivfflat")
				.withStackTraceContaining("createVectorIndex metric: Unknown metric 'manhattan-ish'; expected one of cosine, euclidean, inner_product, l1, hamming, jaccard")
				.withStackTraceContaining("Metric HAMMING is not defined for vector columns; use COSINE, EUCLIDEAN, INNER_PRODUCT or L1")
				.withStackTraceContaining("Invalid SQL identifier for index table: 'document; DROP TABLE x'")
				.withStackTraceContaining("createVectorIndex lists applies to ivfflat indexes only, not hnsw")
				.withStackTraceContaining("HNSW m must be between 2 and 100, got 1")
				.withStackTraceContaining("createVectorIndex with concurrently=true requires runInTransaction: false on changeset concurrently-in-transaction (author test)")
				.withStackTraceContaining("dropVectorIndex needs indexName, or tableName and columnName (with type and metric) to compute the default name");
		}
		assertThat(schema.query("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
				+ "AND (indexdef LIKE '%USING hnsw%' OR indexdef LIKE '%USING ivfflat%')")).as("nothing ran")
			.isEqualTo(List.of(List.of(0L)));
	}

	@Test
	void unknownAttributeInYamlIsRejectedAsXmlsXsdDoes(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			assertThatException().isThrownBy(() -> liquibase.update("db/changelog/invalid/unknown-attribute.yaml"))
				.withStackTraceContaining("createVectorIndex has no attribute 'efConstrution'; expected one of "
						+ "columnName, concurrently, efConstruction, indexName, lists, m, metric, schemaName, tableName, "
						+ "type, vectorType, where");
			assertThatException()
				.isThrownBy(() -> liquibase.update("db/changelog/invalid/unknown-attribute-full-text.yaml"))
				.withStackTraceContaining("createFullTextIndex has no attribute 'configuration'; expected one of "
						+ "columnName, config, schemaName, tableName");
		}
		assertThat(schema.query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
				+ "AND tablename = 'databasechangelog'")).as("nothing ran").isEqualTo(List.of(List.of(0L)));
	}

	@Test
	void xmlChangeLogIsValidatedAgainstTheShippedXsdWithoutNetwork(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			assertThatException().isThrownBy(() -> liquibase.update("db/changelog/invalid/xsd-violation.xml"))
				.withStackTraceContaining("Value 'btree' is not facet-valid with respect to pattern");
		}
	}

}
