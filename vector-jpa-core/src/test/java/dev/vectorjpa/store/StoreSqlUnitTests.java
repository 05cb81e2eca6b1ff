package dev.vectorjpa.store;

import dev.vectorjpa.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL a store prepares once, checked as text without a database.
 */
class StoreSqlUnitTests {

	@Test
	void createTableFollowsTheReferenceSchema() {
		StoreSql sql = new StoreSql(VectorStoreSettings.builder(768).schema("edubot").build());
		assertThat(sql.createSchema).isEqualTo("CREATE SCHEMA IF NOT EXISTS \"edubot\"");
		assertThat(sql.createTable).isEqualTo("CREATE TABLE IF NOT EXISTS \"edubot\".\"knowledge_embeddings\" ("
				+ "\"id\" UUID PRIMARY KEY DEFAULT gen_random_uuid(), \"domain_id\" VARCHAR(100), "
				+ "\"document_id\" VARCHAR(255), \"chunk_index\" INTEGER, \"content\" TEXT, "
				+ "\"embedding\" vector(768), \"metadata\" JSONB DEFAULT '{}', \"created_at\" TIMESTAMP DEFAULT NOW())");
	}

	@Test
	void textIdsAndMappedColumns() {
		StoreSql sql = new StoreSql(VectorStoreSettings.builder(4)
			.table("products")
			.idType(IdType.TEXT)
			.column(StoreColumn.ID, "sku")
			.column(StoreColumn.EMBEDDING, "vec")
			.build());
		assertThat(sql.createTable).startsWith("CREATE TABLE IF NOT EXISTS \"public\".\"products\" (\"sku\" TEXT "
				+ "PRIMARY KEY, ").contains("\"vec\" vector(4)");
		assertThat(sql.delete).isEqualTo("DELETE FROM \"public\".\"products\" WHERE \"sku\" = ANY(?)");
	}

	@Test
	void searchOrdersByTheMetricsOperatorAndScopesToTheDomain() {
		StoreSql plain = new StoreSql(VectorStoreSettings.builder(3).metric(Metric.INNER_PRODUCT).build());
		assertThat(plain.search).isEqualTo("SELECT \"id\", \"embedding\" <#> ? AS vjpa_distance, \"metadata\", "
				+ "\"content\" FROM \"public\".\"knowledge_embeddings\" WHERE \"embedding\" IS NOT NULL "
				+ "ORDER BY vjpa_distance LIMIT ?");
		StoreSql scoped = new StoreSql(VectorStoreSettings.builder(3).domain("t1").build());
		assertThat(scoped.search).isEqualTo("SELECT \"id\", \"embedding\" <=> ? AS vjpa_distance, \"metadata\", "
				+ "\"content\" FROM \"public\".\"knowledge_embeddings\" WHERE \"embedding\" IS NOT NULL AND "
				+ "\"domain_id\" = ? ORDER BY vjpa_distance LIMIT ?");
		assertThat(scoped.count).isEqualTo("SELECT count(*) FROM \"public\".\"knowledge_embeddings\" WHERE "
				+ "\"domain_id\" = ?");
		assertThat(scoped.clear).isEqualTo("DELETE FROM \"public\".\"knowledge_embeddings\" WHERE \"domain_id\" = ?");
		assertThat(scoped.updateMetadata).isEqualTo("UPDATE \"public\".\"knowledge_embeddings\" SET \"metadata\" = "
				+ "?::jsonb WHERE \"id\" = ? AND \"domain_id\" = ?");
	}

	@Test
	void upsertNeverCrossesDomains() {
		StoreSql scoped = new StoreSql(VectorStoreSettings.builder(3).domain("t1").build());
		assertThat(scoped.insert).isEqualTo("INSERT INTO \"public\".\"knowledge_embeddings\" AS target (\"id\", "
				+ "\"domain_id\", \"document_id\", \"chunk_index\", \"content\", \"embedding\", \"metadata\") VALUES "
				+ "(?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (\"id\") DO UPDATE SET \"domain_id\" = "
				+ "EXCLUDED.\"domain_id\", \"document_id\" = EXCLUDED.\"document_id\", \"chunk_index\" = "
				+ "EXCLUDED.\"chunk_index\", \"content\" = EXCLUDED.\"content\", \"embedding\" = EXCLUDED.\"embedding\", "
				+ "\"metadata\" = EXCLUDED.\"metadata\" WHERE target.\"domain_id\" = EXCLUDED.\"domain_id\"");
		StoreSql open = new StoreSql(VectorStoreSettings.builder(3).build());
		assertThat(open.insert).doesNotContain("WHERE");
	}

}
