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
 * Tests for {@link PgVectorExtension} and {@link PgVectorSchemaValidator} against the database.
 */
@DatabaseTest
class PgVectorExtensionIntegrationTests {

	@Test
	void createIsANoOpWhenTheExtensionIsInstalled(TestSchema schema) throws Exception {
		try (Connection connection = schema.connect()) {
			assertThatNoException().isThrownBy(() -> PgVectorExtension.create(connection));
			assertThat(PgVectorExtension.installedVersion(connection))
				.contains((String) schema.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
					.get(0)
					.get(0));
		}
	}

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
						" - D.embedding: table no_table does not exist (expected column embedding sparsevec(30))"));
		}
	}

}
