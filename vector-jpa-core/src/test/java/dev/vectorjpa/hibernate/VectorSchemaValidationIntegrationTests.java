package dev.vectorjpa.hibernate;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.jdbc.PgVectorSchemaValidator;
import dev.vectorjpa.jdbc.PgVectorSchemaValidator.ExpectedColumn;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code hibernate.hbm2ddl.auto=validate} accepts a matching vector column and rejects another dimension count.
 */
@DatabaseTest
class VectorSchemaValidationIntegrationTests {

	private static final Map<String, Object> VALIDATE = Map.of("hibernate.hbm2ddl.auto", "validate");

	@BeforeEach
	void dropTable(TestSchema schema) {
		schema.execute("DROP TABLE IF EXISTS documents");
	}

	@Test
	void validateAcceptsMatchingVectorColumn(TestSchema schema) {
		schema.execute("CREATE TABLE documents (id bigint PRIMARY KEY, title varchar(255), "
				+ "embedding vector(384) NOT NULL)");
		try (SessionFactory sessionFactory = HibernateTestSupport.sessionFactory(schema, VALIDATE, Document.class)) {
			assertThat(sessionFactory.isOpen()).isTrue();
		}
	}

	@Test
	void validateRejectsWrongDimensionNamingTableColumnExpectedAndActual(TestSchema schema) {
		schema.execute("CREATE TABLE documents (id bigint PRIMARY KEY, title varchar(255), "
				+ "embedding vector(3) NOT NULL)");
		assertThatException()
			.isThrownBy(() -> HibernateTestSupport.sessionFactory(schema, VALIDATE, Document.class).close())
			.withStackTraceContaining("Document.embedding: column documents.embedding is vector(3), expected "
					+ "vector(384)");
	}

	@Test
	void validateRejectsOtherVectorType(TestSchema schema) {
		schema.execute("CREATE TABLE documents (id bigint PRIMARY KEY, title varchar(255), "
				+ "embedding halfvec(384) NOT NULL)");
		assertThatException()
			.isThrownBy(() -> HibernateTestSupport.sessionFactory(schema, VALIDATE, Document.class).close())
			.withStackTraceContaining("Document.embedding: column documents.embedding is halfvec(384), expected "
					+ "vector(384)");
	}

	@Test
	void validatorListsEveryMismatchForReuse(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE \"Items\" (id bigint, a sparsevec(10), b bit(8), c vector(4))");
		List<ExpectedColumn> columns = List.of(column("a", VectorType.SPARSEVEC, 10), column("b", VectorType.BIT, 16),
				column("c", VectorType.VECTOR, 4), column("missing", VectorType.VECTOR, 4));
		try (Connection connection = schema.connect()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> PgVectorSchemaValidator.validate(connection, columns, Map.of()))
				.withMessageContaining("(2 problems;")
				.withMessageContaining(" - Items.b: column \"Items\".b is bit(8), expected bit(16)")
				.withMessageContaining(" - Items.missing: column \"Items\".missing does not exist (expected vector(4))");
		}
	}

	private static ExpectedColumn column(String column, VectorType type, int dimensions) {
		return new ExpectedColumn("Items." + column, "\"Items\"", column, type, dimensions);
	}

}
