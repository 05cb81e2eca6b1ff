package dev.vectorjpa.liquibase;

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
 * XML, YAML and JSON changelogs applied to the real database, checked in the catalog, then rolled back.
 */
@DatabaseTest
class VectorChangeLogIntegrationTests {

	@Test
	void xmlChangeLogCreatesVectorColumnsAndIndexesThenRollsBack(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update("db/changelog/document-changelog.xml");

			assertThat(columnTypes(schema, "document")).containsExactly(List.of("id", "bigint"),
					List.of("title", "character varying(200)"), List.of("embedding", "vector(3)"),
					List.of("summary", "halfvec(4)"), List.of("terms", "sparsevec(5)"), List.of("signature", "bit(8)"),
					List.of("fingerprint", "bit(16)"));
			assertThat(indexes(schema, "document")).containsExactly(
					List.of("document_embedding_hnsw_cosine_idx", "hnsw", "vector_cosine_ops", "{m=16,ef_construction=64}"),
					List.of("document_signature_idx", "hnsw", "bit_hamming_ops", ""),
					List.of("document_summary_ivfflat_euclidean_idx", "ivfflat", "halfvec_l2_ops", "{lists=10}"),
					List.of("document_terms_hnsw_inner_product_idx", "hnsw", "sparsevec_ip_ops", ""));
			assertThat(indexDef(schema, "document_embedding_hnsw_cosine_idx")).isEqualTo("CREATE INDEX document_embedding_hnsw_cosine_idx ON "
					+ schema.name() + ".document USING hnsw (embedding vector_cosine_ops) WITH (m='16', ef_construction='64')");
			assertThat(extensionCount(schema)).isEqualTo(1L);

			liquibase.rollbackCount("db/changelog/document-changelog.xml", 6);

			assertThat(indexes(schema, "document")).isEmpty();
			assertThat(schema.query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'document'"))
				.containsExactly(List.of(0L));
			assertThat(extensionCount(schema)).as("rollback of createVectorExtension leaves the extension").isEqualTo(1L);
			assertThat(schema.query("SELECT count(*) FROM databasechangelog")).containsExactly(List.of(0L));
		}
	}

	@Test
	void yamlChangeLogCreatesVectorColumnsAndIndexesThenRollsBack(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update("db/changelog/article-changelog.yaml");

			assertThat(columnTypes(schema, "article")).containsExactly(List.of("id", "bigint"),
					List.of("category", "character varying(50)"), List.of("embedding", "vector(3)"),
					List.of("summary", "halfvec(4)"), List.of("terms", "sparsevec(5)"), List.of("signature", "bit(8)"));
			assertThat(indexes(schema, "article")).containsExactly(
					List.of("article_embedding_hnsw_euclidean_idx", "hnsw", "vector_l2_ops", "{m=8,ef_construction=32}"),
					List.of("article_signature_hnsw_jaccard_idx", "hnsw", "bit_jaccard_ops", ""),
					List.of("article_summary_ivfflat_inner_product_idx", "ivfflat", "halfvec_ip_ops", "{lists=4}"));
			assertThat(indexDef(schema, "article_embedding_hnsw_euclidean_idx")).endsWith(
					"USING hnsw (embedding vector_l2_ops) WITH (m='8', ef_construction='32') WHERE ((category)::text = 'news'::text)");
			assertThat(schema.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'article_signature_hnsw_jaccard_idx'::regclass"))
				.as("the concurrently built index is valid").containsExactly(List.of(true));

			liquibase.rollbackCount("db/changelog/article-changelog.yaml", 5);

			assertThat(indexes(schema, "article")).isEmpty();
			assertThat(schema.query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'article'"))
				.containsExactly(List.of(0L));
		}
	}

	@Test
	void dropVectorIndexDropsAndItsRollbackRecreatesTheIndex(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update("db/changelog/drop-changelog.yaml");
			assertThat(indexes(schema, "article")).isEmpty();

			liquibase.rollbackCount("db/changelog/drop-changelog.yaml", 2);

			assertThat(indexes(schema, "article")).containsExactly(
					List.of("article_embedding_hnsw_euclidean_idx", "hnsw", "vector_l2_ops", "{m=8,ef_construction=32}"),
					List.of("article_summary_ivfflat_inner_product_idx", "ivfflat", "halfvec_ip_ops", "{lists=4}"));
			assertThat(indexDef(schema, "article_embedding_hnsw_euclidean_idx")).endsWith("WHERE ((category)::text = 'news'::text)");
			liquibase.rollbackCount("db/changelog/drop-changelog.yaml", 1);
		}
	}

	@Test
	void xmlDropVectorIndexByNameRollsBackWithItsExplicitRollbackBlock(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update("db/changelog/drop-changelog.xml");
			assertThat(indexes(schema, "document")).isEmpty();

			liquibase.rollbackCount("db/changelog/drop-changelog.xml", 1);
			assertThat(indexes(schema, "document"))
				.containsExactly(List.of("document_signature_idx", "hnsw", "bit_hamming_ops", ""));
			liquibase.rollbackCount("db/changelog/drop-changelog.xml", 1);
			assertThat(columnTypes(schema, "document")).isEmpty();
		}
	}

	@Test
	void jsonChangeLogWorksToo(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update("db/changelog/item-changelog.json");
			assertThat(columnTypes(schema, "item")).contains(List.of("embedding", "vector(3)"));
			assertThat(indexes(schema, "item"))
				.containsExactly(List.of("item_embedding_hnsw_l1_idx", "hnsw", "vector_l1_ops", ""));
			liquibase.rollbackCount("db/changelog/item-changelog.json", 1);
			assertThat(indexes(schema, "item")).isEmpty();
		}
	}

	@Test
	void indexCreatedByChangeLogHasTheNameVectorIndexManagerLooksFor(TestSchema schema) throws Exception {
		String changelog = "db/changelog/sample/db.changelog-master.yaml";
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update(changelog);
			String expected = VectorIndexDefinition.defaultName("document", "embedding", IndexType.HNSW, Metric.COSINE);
			assertThat(schema.query("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '"
					+ expected + "'")).containsExactly(List.of(1L));
			// The manager's own DDL for the same index is IF NOT EXISTS: running it afterwards adds nothing.
			schema.execute(new VectorIndexDefinition(null, "document", "embedding", VectorType.VECTOR, Metric.COSINE,
					IndexType.HNSW, 16, 64, null, false, null, null).createSql());
			assertThat(indexes(schema, "document")).hasSize(1);
			liquibase.rollbackCount(changelog, 3);
		}
	}

	static List<List<Object>> columnTypes(TestSchema schema, String table) {
		return schema.query("SELECT a.attname::text, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
				+ "WHERE a.attrelid = to_regclass(quote_ident(current_schema()) || '." + table + "') "
				+ "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum");
	}

	static List<List<Object>> indexes(TestSchema schema, String table) {
		return schema.query("SELECT i.relname::text, am.amname::text, opc.opcname::text, "
				+ "coalesce(array_to_string(i.reloptions, ',', ''), '') FROM pg_index x "
				+ "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
				+ "JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam "
				+ "JOIN pg_opclass opc ON opc.oid = x.indclass[0] "
				+ "WHERE n.nspname = current_schema() AND t.relname = '" + table + "' AND am.amname IN ('hnsw', 'ivfflat') "
				+ "ORDER BY i.relname")
			.stream()
			.map((row) -> List.of(row.get(0), row.get(1), row.get(2), options((String) row.get(3))))
			.toList();
	}

	private static Object options(String reloptions) {
		return reloptions.isEmpty() ? "" : "{" + reloptions + "}";
	}

	static String indexDef(TestSchema schema, String index) {
		return (String) schema.query("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '"
				+ index + "'").get(0).get(0);
	}

	private static long extensionCount(TestSchema schema) {
		return (Long) schema.query("SELECT count(*) FROM pg_extension WHERE extname = 'vector'").get(0).get(0);
	}

}
