package dev.vectorjpa.index;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VectorSchemaDdlUnitTests {

	@Test
	void rendersTheExtensionAndVectorIndexDdlWithDefaultNames() {
		assertThat(VectorSchemaDdl.createExtension()).isEqualTo("CREATE EXTENSION IF NOT EXISTS vector");
		VectorIndexDefinition hnsw = new VectorIndexDefinition("app", "article", "embedding", VectorType.VECTOR,
				Metric.COSINE, IndexType.HNSW, 16, 64, null, false, null, null);
		assertThat(VectorSchemaDdl.createIndex(hnsw)).isEqualTo("CREATE INDEX IF NOT EXISTS "
				+ "\"article_embedding_hnsw_cosine_idx\" ON \"app\".\"article\" USING hnsw (\"embedding\" "
				+ "vector_cosine_ops) WITH (m = 16, ef_construction = 64)");
		assertThat(VectorSchemaDdl.dropIndex(hnsw))
			.isEqualTo("DROP INDEX IF EXISTS \"app\".\"article_embedding_hnsw_cosine_idx\"");
		VectorIndexDefinition ivfflat = new VectorIndexDefinition(null, "article", "embedding", VectorType.HALFVEC,
				Metric.EUCLIDEAN, IndexType.IVFFLAT, null, null, 100, true, null, null);
		assertThat(VectorSchemaDdl.createIndex(ivfflat)).isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS "
				+ "\"article_embedding_ivfflat_euclidean_idx\" ON \"article\" USING ivfflat (\"embedding\" "
				+ "halfvec_l2_ops) WITH (lists = 100)");
	}

	@Test
	void rendersTheFullTextIndexAndRowLevelSecurity() {
		assertThat(VectorSchemaDdl.createFullTextIndex(null, "article", "body", "english"))
			.isEqualTo("CREATE INDEX IF NOT EXISTS \"article_body_fts_idx\" ON \"article\" USING gin "
					+ "(to_tsvector('english'::regconfig, \"body\"))");
		assertThat(VectorSchemaDdl.dropFullTextIndex("app", "article", "body"))
			.isEqualTo("DROP INDEX IF EXISTS \"app\".\"article_body_fts_idx\"");
		assertThat(VectorSchemaDdl.createRowLevelSecurity("app", "notes", "domain_id")).containsExactly(
				"alter table \"app\".\"notes\" enable row level security",
				"alter table \"app\".\"notes\" force row level security",
				"create policy vector_jpa_domain on \"app\".\"notes\" using (\"domain_id\" = "
						+ "current_setting('vector_jpa.domain', true)) with check (\"domain_id\" = "
						+ "current_setting('vector_jpa.domain', true))");
		assertThat(VectorSchemaDdl.dropRowLevelSecurity(null, "notes")).containsExactly(
				"drop policy if exists vector_jpa_domain on \"notes\"",
				"alter table \"notes\" no force row level security", "alter table \"notes\" disable row level security");
	}

	@Test
	void rejectsBadIdentifiersAndConfigurationsBeforeAnySql() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorSchemaDdl.createFullTextIndex(null, "article", "body", "english'); drop"))
			.withMessage("Invalid text search configuration 'english'); drop' (expected a name like 'english' or "
					+ "'simple')");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorSchemaDdl.createRowLevelSecurity(null, "notes\"", "domain_id"))
			.withMessageStartingWith("Invalid SQL identifier for table: 'notes\"'");
	}

}
