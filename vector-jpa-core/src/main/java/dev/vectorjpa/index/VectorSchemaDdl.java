package dev.vectorjpa.index;

import java.util.List;

import dev.vectorjpa.hibernate.DomainRowLevelSecurity;
import dev.vectorjpa.jdbc.PgVectorExtension;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * The DDL vector-jpa runs at start-up, as SQL strings for schema migrations (Flyway SQL or Java migrations,
 * hand-written scripts): the same statements, from the same builders, as the library and its Liquibase change types.
 *
 * @since 0.1
 */
public final class VectorSchemaDdl {

	private VectorSchemaDdl() {
	}

	/** {@code CREATE EXTENSION IF NOT EXISTS vector}. */
	public static String createExtension() {
		return PgVectorExtension.CREATE_SQL;
	}

	/** The {@code CREATE INDEX} of a vector index, e.g. {@code ... USING hnsw ("embedding" vector_cosine_ops)}. */
	public static String createIndex(VectorIndexDefinition definition) {
		return definition.createSql();
	}

	/** The {@code DROP INDEX IF EXISTS} of a vector index. */
	public static String dropIndex(VectorIndexDefinition definition) {
		return definition.dropSql();
	}

	/** The GIN index over {@code to_tsvector(config, column)} that {@code findHybrid} uses (see {@link FullTextIndexes}). */
	public static String createFullTextIndex(@Nullable String schema, String table, String column, String config) {
		return FullTextIndexes.createSql(schema, table, column, config);
	}

	/** The {@code DROP INDEX IF EXISTS} of the full-text index of {@code table.column}. */
	public static String dropFullTextIndex(@Nullable String schema, String table, String column) {
		return VectorIndexDefinition.dropSql(schema, FullTextIndexes.indexName(table, column), false);
	}

	/**
	 * The row-level-security statements of a {@code @DomainId} table ({@code vector-jpa.domain-row-level-security}):
	 * enable and force row-level security, and the policy {@value DomainRowLevelSecurity#POLICY}.
	 */
	public static List<String> createRowLevelSecurity(@Nullable String schema, String table, String domainColumn) {
		return List.of(DomainRowLevelSecurity.policyDdl(SqlIdentifiers.qualified(schema, table, "table"),
				SqlIdentifiers.quote(domainColumn, "domain column")));
	}

	/** The statements undoing {@link #createRowLevelSecurity}: drop the policy, disable row-level security. */
	public static List<String> dropRowLevelSecurity(@Nullable String schema, String table) {
		String qualified = SqlIdentifiers.qualified(schema, table, "table");
		return List.of("drop policy if exists " + DomainRowLevelSecurity.POLICY + " on " + qualified,
				"alter table " + qualified + " no force row level security",
				"alter table " + qualified + " disable row level security");
	}

}
