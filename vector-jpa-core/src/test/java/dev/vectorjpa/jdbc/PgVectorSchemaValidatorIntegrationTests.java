package dev.vectorjpa.jdbc;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.jdbc.PgVectorSchemaValidator.ExpectedColumn;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The start-up checks against the database: {@link PgVectorSchemaValidator}'s messages and advice, and the
 * messages of {@link PgVectorExtension#create} when the extension cannot be created.
 */
@DatabaseTest
class PgVectorSchemaValidatorIntegrationTests {

	@Test
	void createNamesTheStatementAnAdministratorMustRunWhenTheRoleMayNotCreateTheExtension(TestSchema schema)
			throws Exception {
		// The test role is no superuser, and dblink (unlike an installed pgvector) is untrusted and not installed.
		String database = (String) schema.query("SELECT current_database()").get(0).get(0);
		try (Connection connection = schema.connect()) {
			assertThatIllegalStateException().isThrownBy(() -> PgVectorExtension.create(connection, "dblink"))
				.withMessage("The database role may not create the 'dblink' extension in database '" + database
						+ "' (permission denied to create extension \"dblink\"). An administrator must run: "
						+ "CREATE EXTENSION IF NOT EXISTS dblink; in database '" + database
						+ "' (then this start-up step is a no-op), or set vector-jpa.create-extension=false");
		}
	}

	@Test
	void createSaysWhenTheExtensionIsNotAvailableOnTheServer(TestSchema schema) throws Exception {
		String database = (String) schema.query("SELECT current_database()").get(0).get(0);
		try (Connection connection = schema.connect()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> PgVectorExtension.create(connection, "no_such_extension"))
				.withMessage("The 'no_such_extension' extension is not available on the PostgreSQL server of database '"
						+ database + "': install pgvector on the server (https://github.com/pgvector/pgvector), then "
						+ "run: CREATE EXTENSION IF NOT EXISTS no_such_extension; (extension \"no_such_extension\" is "
						+ "not available)");
		}
	}

	@Test
	void validatorAcceptsMatchingColumnsIncludingQuotedNames(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE matching (id int PRIMARY KEY, embedding vector(3), bits bit(8))",
				"CREATE TABLE \"MixedCase\" (id int PRIMARY KEY, \"Embedding\" halfvec(4))");
		try (Connection connection = schema.connect()) {
			assertThatNoException().isThrownBy(() -> PgVectorSchemaValidator.validate(connection,
					List.of(new ExpectedColumn("Matching.embedding", "matching", "embedding", VectorType.VECTOR, 3),
							new ExpectedColumn("Matching.bits", "matching", "bits", VectorType.BIT, 8),
							new ExpectedColumn("Mixed.embedding", "\"MixedCase\"", "\"Embedding\"", VectorType.HALFVEC,
									4)),
					Map.of("vector-jpa.search.iterative-scan", "0.8.0")));
		}
	}

	@Test
	void validatorAdvisesInlineStorageForVectorsOverTheToastThreshold(TestSchema schema) throws Exception {
		// 8 + 4 * 498 = 2000 bytes: the largest vector(n) left alone; with a row header, larger ones are TOASTed
		schema.execute("CREATE TABLE wide (id int PRIMARY KEY, small vector(498), large vector(499), half halfvec(1100), "
				+ "inline vector(784))", "ALTER TABLE wide ALTER COLUMN inline SET STORAGE PLAIN");
		try (Connection connection = schema.connect()) {
			List<String> advice = PgVectorSchemaValidator.validate(connection,
					List.of(new ExpectedColumn("Wide.small", "wide", "small", VectorType.VECTOR, 498),
							new ExpectedColumn("Wide.large", "wide", "large", VectorType.VECTOR, 499),
							new ExpectedColumn("Wide.half", "wide", "half", VectorType.HALFVEC, 1100),
							new ExpectedColumn("Wide.inline", "wide", "inline", VectorType.VECTOR, 784)),
					Map.of());
			assertThat(advice).containsExactly("Wide.large: vector(499) values take 2004 bytes and are stored out of "
					+ "line (TOAST). PostgreSQL's planner does not count TOAST reads in scan costs, so it may prefer an "
					+ "exact scan to the vector index (e.g. from hnsw.ef_search = 120 on 60,000 rows of 784 dimensions), "
					+ "and every read detoasts. Store them inline: ALTER TABLE wide ALTER COLUMN large SET STORAGE PLAIN "
					+ "(rows written before keep their storage until the table is rewritten, e.g. VACUUM FULL wide)",
					"Wide.half: halfvec(1100) values take 2208 bytes and are stored out of line (TOAST). PostgreSQL's "
							+ "planner does not count TOAST reads in scan costs, so it may prefer an exact scan to the "
							+ "vector index (e.g. from hnsw.ef_search = 120 on 60,000 rows of 784 dimensions), and every "
							+ "read detoasts. Store them inline: ALTER TABLE wide ALTER COLUMN half SET STORAGE PLAIN (rows "
							+ "written before keep their storage until the table is rewritten, e.g. VACUUM FULL wide)");
		}
	}

	@Test
	void validatorListsEveryProblemInOneMessage(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE wrong_dimension (id int PRIMARY KEY, embedding vector(5))",
				"CREATE TABLE wrong_type (id int PRIMARY KEY, embedding real[])",
				"CREATE TABLE no_column (id int PRIMARY KEY)");
		String version;
		try (Connection connection = schema.connect()) {
			version = PgVectorExtension.installedVersion(connection).orElseThrow();
			assertThatIllegalStateException().isThrownBy(() -> PgVectorSchemaValidator.validate(connection,
					List.of(new ExpectedColumn("A.embedding", "wrong_dimension", "embedding", VectorType.VECTOR, 3),
							new ExpectedColumn("B.embedding", "wrong_type", "embedding", VectorType.VECTOR, 3),
							new ExpectedColumn("C.embedding", "no_column", "embedding", VectorType.VECTOR, 3),
							new ExpectedColumn("D.embedding", "no_table", "embedding", VectorType.SPARSEVEC, 30)),
					Map.of("some.future.feature", "99.0.0")))
				.withMessage(String.join(System.lineSeparator(),
						"The database schema does not match the vector mapping (5 problems; set "
								+ "vector-jpa.validate-schema=false to skip this check):",
						" - some.future.feature needs pgvector 99.0.0 or later, the database has " + version,
						" - A.embedding: column wrong_dimension.embedding is vector(5), expected vector(3)",
						" - B.embedding: column wrong_type.embedding is real[], expected vector(3)",
						" - C.embedding: column no_column.embedding does not exist (expected vector(3))",
						" - D.embedding: table no_table does not exist (expected column embedding sparsevec(30)); "
								+ "create it with a migration (Liquibase: spring-boot-starter-liquibase and a changelog, "
								+ "see docs/liquibase.md) or let Hibernate create it (spring.jpa.hibernate.ddl-auto=update)"));
		}
	}

}
