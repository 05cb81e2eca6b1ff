package dev.vectorjpa.liquibase;

import java.util.Arrays;
import java.util.Locale;

import dev.vectorjpa.Metric;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import liquibase.Scope;
import liquibase.change.ChangeFactory;
import liquibase.changelog.ChangeSet;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;
import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change types' SQL, rollback and validation without a database.
 */
class VectorChangeUnitTests {

	private final PostgresDatabase postgres = postgres("app");

	@Test
	void runsOnTheLiquibaseVersionTheBuildAskedFor() {
		// vector-jpa-liquibase runs these tests on Spring Boot's Liquibase 5, the compat module on 4.33.
		assertThat(LiquibaseUtil.getBuildVersion()).startsWith(System.getProperty("vector-jpa.expected-liquibase"));
	}

	@Test
	void changeTypesAreRegisteredByName() {
		ChangeFactory factory = Scope.getCurrentScope().getSingleton(ChangeFactory.class);
		assertThat(factory.create("createVectorExtension")).isInstanceOf(CreateVectorExtensionChange.class);
		assertThat(factory.create("createVectorIndex")).isInstanceOf(CreateVectorIndexChange.class);
		assertThat(factory.create("dropVectorIndex")).isInstanceOf(DropVectorIndexChange.class);
	}

	@Test
	void createVectorIndexRunsTheSharedDefinitionsDdl() {
		CreateVectorIndexChange change = hnswOnDocument();
		VectorIndexDefinition definition = new VectorIndexDefinition("app", "document", "embedding", VectorType.HALFVEC,
				Metric.INNER_PRODUCT, IndexType.HNSW, 24, 100, null, false, null, null);
		assertThat(sql(change.generateStatements(this.postgres))).containsExactly(definition.createSql());
		assertThat(definition.createSql()).isEqualTo("CREATE INDEX IF NOT EXISTS \"document_embedding_hnsw_inner_product_idx\" "
				+ "ON \"app\".\"document\" USING hnsw (\"embedding\" halfvec_ip_ops) WITH (m = 24, ef_construction = 100)");
	}

	@Test
	void createVectorIndexRollsBackWithTheSharedDefinitionsDropStatement() throws Exception {
		CreateVectorIndexChange change = hnswOnDocument();
		change.setConcurrently(true);
		assertThat(change.supportsRollback(this.postgres)).isTrue();
		assertThat(sql(change.generateRollbackStatements(this.postgres)))
			.containsExactly("DROP INDEX CONCURRENTLY IF EXISTS \"app\".\"document_embedding_hnsw_inner_product_idx\"");
	}

	@Test
	void explicitSchemaNameWinsOverLiquibasesDefaultSchema() {
		CreateVectorIndexChange change = hnswOnDocument();
		change.setSchemaName("search");
		assertThat(sql(change.generateStatements(this.postgres)).get(0)).contains(" ON \"search\".\"document\" ");
	}

	@Test
	void dropVectorIndexByNameHasNoAutomaticRollback() {
		DropVectorIndexChange drop = new DropVectorIndexChange();
		drop.setIndexName("document_embedding_idx");
		assertThat(sql(drop.generateStatements(this.postgres)))
			.containsExactly("DROP INDEX IF EXISTS \"app\".\"document_embedding_idx\"");
		assertThat(drop.supportsRollback(this.postgres)).isFalse();
	}

	@Test
	void dropVectorIndexWithItsDefinitionRollsBackByRecreatingTheIndex() throws Exception {
		DropVectorIndexChange drop = new DropVectorIndexChange();
		drop.setTableName("document");
		drop.setColumnName("embedding");
		drop.setType("ivfflat");
		drop.setMetric("l2");
		drop.setLists(50);
		assertThat(sql(drop.generateStatements(this.postgres)))
			.containsExactly("DROP INDEX IF EXISTS \"app\".\"document_embedding_ivfflat_euclidean_idx\"");
		assertThat(sql(drop.generateRollbackStatements(this.postgres))).containsExactly(
				"CREATE INDEX IF NOT EXISTS \"document_embedding_ivfflat_euclidean_idx\" ON \"app\".\"document\" "
						+ "USING ivfflat (\"embedding\" vector_l2_ops) WITH (lists = 50)");
	}

	@Test
	void createVectorExtensionIsIdempotentAndKeepsTheExtensionOnRollbackUnlessAsked() throws Exception {
		CreateVectorExtensionChange change = new CreateVectorExtensionChange();
		assertThat(sql(change.generateStatements(this.postgres))).containsExactly("CREATE EXTENSION IF NOT EXISTS vector");
		assertThat(change.supportsRollback(this.postgres)).isTrue();
		assertThat(change.generateRollbackStatements(this.postgres)).isEmpty();
		change.setDropOnRollback(true);
		change.setSchemaName("extensions");
		assertThat(sql(change.generateStatements(this.postgres)))
			.containsExactly("CREATE EXTENSION IF NOT EXISTS vector SCHEMA \"extensions\"");
		assertThat(sql(change.generateRollbackStatements(this.postgres))).containsExactly("DROP EXTENSION IF EXISTS vector");
	}

	@Test
	void concurrentlyInATransactionalChangeSetFailsValidationNamingTheChangeSet() {
		CreateVectorIndexChange change = hnswOnDocument();
		change.setConcurrently(true);
		change.setChangeSet(new ChangeSet("add-index", "alice", false, false, "db/changelog.xml", null, null, true, null));
		assertThat(change.validate(this.postgres).getErrorMessages()).containsExactly(
				"createVectorIndex with concurrently=true requires runInTransaction: false on changeset add-index "
						+ "(author alice): PostgreSQL cannot create or drop an index concurrently inside a transaction");
		change.setChangeSet(new ChangeSet("add-index", "alice", false, false, "db/changelog.xml", null, null, false, null));
		assertThat(change.validate(this.postgres).getErrorMessages()).isEmpty();
	}

	@Test
	void ivfflatOnlyAttributesOnHnswAndViceVersaFailValidation() {
		CreateVectorIndexChange change = hnswOnDocument();
		change.setType("ivfflat");
		assertThat(change.validate(this.postgres).getErrorMessages())
			.containsExactly("createVectorIndex m and efConstruction apply to hnsw indexes only, not ivfflat");
	}

	@Test
	void otherDatabasesAreRejected() {
		assertThat(hnswOnDocument().supports(new MySQLDatabase())).isFalse();
		assertThat(hnswOnDocument().validate(new MySQLDatabase()).getErrorMessages())
			.containsExactly("createVectorIndex is not supported on mysql: pgvector is a PostgreSQL extension");
	}

	@Test
	void xmlSerializerWritesTheVectorNamespace() throws Exception {
		String xml = new XMLChangeLogSerializer().serialize(hnswOnDocument(), true);
		assertThat(xml).startsWith("<vector:createVectorIndex").contains("tableName=\"document\"", "m=\"24\"");
	}

	@Test
	void xsdIsShippedWhereLiquibaseLooksForItOffline() {
		// LiquibaseEntityResolver: lower-cased system id without its scheme, looked up on the classpath.
		String path = VectorNamespaceDetails.SCHEMA_URL.toLowerCase(Locale.ROOT).replaceFirst("https?://", "");
		assertThat(path).isEqualTo("vectorjpa.dev/liquibase/vector-jpa-liquibase-latest.xsd");
		assertThat(getClass().getClassLoader().getResource(path)).isNotNull();
	}

	private static CreateVectorIndexChange hnswOnDocument() {
		CreateVectorIndexChange change = new CreateVectorIndexChange();
		change.setTableName("document");
		change.setColumnName("embedding");
		change.setVectorType("halfvec");
		change.setMetric("ip");
		change.setM(24);
		change.setEfConstruction(100);
		return change;
	}

	static PostgresDatabase postgres(String defaultSchema) {
		PostgresDatabase database = new PostgresDatabase();
		database.setDefaultSchemaName(defaultSchema);
		return database;
	}

	private static java.util.List<String> sql(SqlStatement[] statements) {
		return Arrays.stream(statements).map((statement) -> ((RawSqlStatement) statement).getSql()).toList();
	}


}
