package dev.vectorjpa.hibernate;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

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
			.withStackTraceContaining("Schema-validation: wrong column type in column [embedding] in table "
					+ "[documents]: found [vector(3)], but expecting [vector(384)] for Document.embedding");
	}

	@Test
	void validateRejectsOtherVectorType(TestSchema schema) {
		schema.execute("CREATE TABLE documents (id bigint PRIMARY KEY, title varchar(255), "
				+ "embedding halfvec(384) NOT NULL)");
		assertThatException()
			.isThrownBy(() -> HibernateTestSupport.sessionFactory(schema, VALIDATE, Document.class).close())
			.withStackTraceContaining("found [halfvec(384)], but expecting [vector(384)] for Document.embedding");
	}

	@Test
	void validatorListsEveryMismatchForReuse(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE \"Items\" (id bigint, a sparsevec(10), b bit(8), c vector(4))");
		List<VectorColumnMapping> attributes = List.of(
				attribute("a", VectorType.SPARSEVEC, 10, Metric.COSINE),
				attribute("b", VectorType.BIT, 16, Metric.HAMMING),
				attribute("c", VectorType.VECTOR, 4, Metric.L1),
				attribute("missing", VectorType.VECTOR, 4, Metric.L1));
		try (Connection connection = schema.connect()) {
			assertThat(VectorSchemaValidator.validate(connection, attributes)).containsExactly(
					"Schema-validation: wrong column type in column [b] in table [Items]: found [bit(8)], but expecting "
							+ "[bit(16)] for Object.b");
		}
	}

	private static VectorColumnMapping attribute(String column, VectorType type, int dimensions, Metric metric) {
		return new VectorColumnMapping(Object.class.getName(), Object.class, column, type, dimensions, metric, true, false,
				null, "Items", true, column, false);
	}

}
