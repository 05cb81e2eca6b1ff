package dev.vectorjpa.liquibase;

import java.util.List;

import dev.vectorjpa.index.VectorSchemaDdl;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code createFullTextIndex} and {@code createDomainRowLevelSecurity} create what vector-jpa creates at run time
 * (same index name and expression, same policy), from YAML and XML, and roll back completely.
 */
@DatabaseTest
class FullTextAndRowLevelSecurityChangeLogIntegrationTests {

	@Test
	void yamlChangeLogCreatesTheFullTextIndexAndPolicyThenRollsBack(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update("db/changelog/notes-changelog.yaml");
			assertThat(indexes(schema, "notes")).containsExactly(List.of("notes_body_fts_idx", "CREATE INDEX "
					+ "notes_body_fts_idx ON " + schema.name() + ".notes USING gin (to_tsvector('simple'::regconfig, body))"));
			assertThat(rowLevelSecurity(schema, "notes")).containsExactly(List.of(true, true));
			assertThat(policies(schema, "notes")).containsExactly(List.of("vector_jpa_domain",
					"((domain_id)::text = current_setting('vector_jpa.domain'::text, true))",
					"((domain_id)::text = current_setting('vector_jpa.domain'::text, true))"));
			liquibase.rollbackCount("db/changelog/notes-changelog.yaml", 2);
			assertThat(indexes(schema, "notes")).isEmpty();
			assertThat(policies(schema, "notes")).isEmpty();
			assertThat(rowLevelSecurity(schema, "notes")).containsExactly(List.of(false, false));
		}
	}

	@Test
	void xmlChangeLogIsValidAgainstTheXsdAndRunsTheSameDdl(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			String sql = liquibase.updateSql("db/changelog/notes-changelog.xml");
			assertThat(sql).contains(VectorSchemaDdl.createFullTextIndex(schema.name(), "memo", "content", "english"));
			VectorSchemaDdl.createRowLevelSecurity(schema.name(), "memo", "tenant")
				.forEach((statement) -> assertThat(sql).contains(statement));
			liquibase.update("db/changelog/notes-changelog.xml");
			assertThat(indexes(schema, "memo")).extracting((row) -> row.get(0)).containsExactly("memo_content_fts_idx");
			assertThat(rowLevelSecurity(schema, "memo")).containsExactly(List.of(true, true));
			assertThat(policies(schema, "memo")).extracting((row) -> row.get(0)).containsExactly("vector_jpa_domain");
		}
	}

	private static List<List<Object>> indexes(TestSchema schema, String table) {
		return schema.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '" + schema.name()
				+ "' AND tablename = '" + table + "' AND indexname <> '" + table + "_pkey'");
	}

	private static List<List<Object>> rowLevelSecurity(TestSchema schema, String table) {
		return schema.query("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = '" + schema.name()
				+ "." + table + "'::regclass");
	}

	private static List<List<Object>> policies(TestSchema schema, String table) {
		return schema.query("SELECT policyname, qual, with_check FROM pg_policies WHERE schemaname = '" + schema.name()
				+ "' AND tablename = '" + table + "'");
	}

}
