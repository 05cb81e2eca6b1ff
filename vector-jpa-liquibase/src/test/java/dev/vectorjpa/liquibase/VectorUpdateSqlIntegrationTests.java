package dev.vectorjpa.liquibase;

import java.util.Arrays;
import java.util.List;

import dev.vectorjpa.Metric;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code updateSql} prints exactly the DDL {@link VectorIndexDefinition} writes (the DDL {@code VectorIndexManager}
 * runs) and the pgvector column types, without touching the schema.
 */
@DatabaseTest
class VectorUpdateSqlIntegrationTests {

	@Test
	void updateSqlPrintsTheSharedIndexDdlAndExactColumnTypes(TestSchema schema) throws Exception {
		String sql;
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			sql = liquibase.updateSql("db/changelog/document-changelog.xml");
		}
		List<String> lines = Arrays.stream(sql.split("\\R")).map(String::strip).toList();

		assertThat(lines).contains("CREATE EXTENSION IF NOT EXISTS vector;",
				new VectorIndexDefinition(schema.name(), "document", "embedding", VectorType.VECTOR, Metric.COSINE, IndexType.HNSW,
						16, 64, null, false, null, null).createSql() + ";",
				new VectorIndexDefinition(schema.name(), "document", "summary", VectorType.HALFVEC, Metric.EUCLIDEAN,
						IndexType.IVFFLAT, null, null, 10, false, null, null).createSql() + ";",
				new VectorIndexDefinition(schema.name(), "document", "signature", VectorType.BIT, Metric.HAMMING, IndexType.HNSW,
						null, null, null, false, "document_signature_idx", null).createSql() + ";",
				new VectorIndexDefinition(schema.name(), "document", "terms", VectorType.SPARSEVEC, Metric.INNER_PRODUCT,
						IndexType.HNSW, null, null, null, true, null, null).createSql() + ";");
		// Unqualified names land in Liquibase's default schema, like the table createTable made.
		String table = "\"" + schema.name() + "\".\"document\"";
		assertThat(lines).contains(
				"CREATE INDEX IF NOT EXISTS \"document_embedding_hnsw_cosine_idx\" ON " + table
						+ " USING hnsw (\"embedding\" vector_cosine_ops) WITH (m = 16, ef_construction = 64);",
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS \"document_terms_hnsw_inner_product_idx\" ON " + table
						+ " USING hnsw (\"terms\" sparsevec_ip_ops);");
		String createTable = lines.stream().filter((line) -> line.startsWith("CREATE TABLE") && line.contains("document (")).findFirst().orElseThrow();
		assertThat(createTable).contains("embedding vector(3)", "summary halfvec(4)", "terms sparsevec(5)",
				"signature bit(8)");
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("ALTER TABLE")
			.endsWith("document ADD fingerprint bit(16);"));
		assertThat(schema.query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'document'"))
			.as("updateSql changes nothing").containsExactly(List.of(0L));
	}

}
