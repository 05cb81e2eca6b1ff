package dev.vectorjpa.flyway;

import java.util.List;
import java.util.Map;

import db.vectorflyway.V2__Note_indexes;
import db.vectorflyway.V3__Note_ivfflat_concurrently;
import dev.vectorjpa.Metric;
import dev.vectorjpa.index.FullTextIndexes;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Flyway runs SQL and {@link VectorDdlMigration} Java migrations against the real database: the indexes and policy
 * carry the names and definitions vector-jpa uses at run time.
 */
@DatabaseTest
class VectorDdlMigrationIntegrationTests {

	@Test
	void javaMigrationsCreateTheLibrarysIndexesAndRowLevelSecurity(TestSchema schema) {
		MigrateResult result = Flyway.configure()
			.dataSource(schema.dataSource())
			.schemas(schema.name())
			.locations("classpath:db/vectorflyway")
			// Session-level lock: Flyway's default transaction-level lock keeps a transaction open that
			// CREATE INDEX CONCURRENTLY would wait for forever.
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load()
			.migrate();
		assertThat(result.migrationsExecuted).isEqualTo(3);
		assertThat(new V2__Note_indexes().canExecuteInTransaction()).isTrue();
		assertThat(new V3__Note_ivfflat_concurrently().canExecuteInTransaction()).isFalse();
		String hnsw = VectorIndexDefinition.defaultName("notes", "embedding", IndexType.HNSW, Metric.COSINE);
		String ivfflat = VectorIndexDefinition.defaultName("notes", "embedding", IndexType.IVFFLAT, Metric.EUCLIDEAN);
		assertThat(schema.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '" + schema.name()
				+ "' AND tablename = 'notes' AND indexname <> 'notes_pkey' ORDER BY indexname"))
			.containsExactly(
					List.of(FullTextIndexes.indexName("notes", "body"), "CREATE INDEX notes_body_fts_idx ON "
							+ schema.name() + ".notes USING gin (to_tsvector('english'::regconfig, body))"),
					List.of(hnsw, "CREATE INDEX notes_embedding_hnsw_cosine_idx ON " + schema.name()
							+ ".notes USING hnsw (embedding vector_cosine_ops) WITH (m='16', ef_construction='64')"),
					List.of(ivfflat, "CREATE INDEX notes_embedding_ivfflat_euclidean_idx ON " + schema.name()
							+ ".notes USING ivfflat (embedding) WITH (lists='10')")); // vector_l2_ops: the default, not shown
		assertThat(schema.query("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = '"
				+ schema.name() + ".notes'::regclass")).containsExactly(List.of(true, true));
		assertThat(schema.query("SELECT policyname, qual, with_check FROM pg_policies WHERE schemaname = '"
				+ schema.name() + "' AND tablename = 'notes'"))
			.containsExactly(List.of("vector_jpa_domain",
					"((domain_id)::text = current_setting('vector_jpa.domain'::text, true))",
					"((domain_id)::text = current_setting('vector_jpa.domain'::text, true))"));
	}

	static class V0__Empty extends VectorDdlMigration {

		V0__Empty() {
			super(List.of());
		}

	}

	@Test
	void aMigrationWithoutStatementsIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(V0__Empty::new).withMessage("V0__Empty has no statements");
	}

}
