package dev.vectorjpa.hibernate;

import java.util.List;
import java.util.Map;

import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code @VectorColumn(dimensions = 0)} takes {@code vector-jpa.dimensions}, with Hibernate alone and through Spring's
 * {@link LocalContainerEntityManagerFactoryBean}; without a default, start-up fails naming the attribute.
 */
@DatabaseTest
class VectorColumnDefaultsIntegrationTests {

	@BeforeEach
	void dropTable(TestSchema schema) {
		schema.execute("DROP TABLE IF EXISTS default_dimensions_documents");
	}

	@Test
	void dimensionsDefaultToHibernateProperty(TestSchema schema) {
		try (SessionFactory sessionFactory = HibernateTestSupport.sessionFactory(schema,
				Map.of(VectorJpaSettings.DIMENSIONS, "5"), DefaultDimensionsDocument.class)) {
			assertThat(columnType(schema)).isEqualTo("vector(5)");
			DefaultDimensionsDocument document = new DefaultDimensionsDocument();
			document.id = 1L;
			document.embedding = new float[] { 1, 2, 3, 4, 5 };
			sessionFactory.inTransaction((session) -> session.persist(document));
			assertThat(sessionFactory.fromTransaction((session) -> session.find(DefaultDimensionsDocument.class, 1L))
				.embedding).containsExactly(1, 2, 3, 4, 5);
		}
	}

	@Test
	void missingDimensionsFailStartNamingTheAttribute(TestSchema schema) {
		assertThatException()
			.isThrownBy(() -> HibernateTestSupport.sessionFactory(schema, DefaultDimensionsDocument.class).close())
			.withStackTraceContaining("@VectorColumn on DefaultDimensionsDocument.embedding has no dimensions: set "
					+ "@VectorColumn(dimensions = ...) or the default with property 'vector-jpa.dimensions'");
	}

	@Test
	void javaTypeNotMatchingTheColumnTypeFailsStart(TestSchema schema) {
		assertThatException()
			.isThrownBy(() -> HibernateTestSupport.sessionFactory(schema, WrongJavaTypeDocument.class).close())
			.withStackTraceContaining("@VectorColumn(type = SPARSEVEC) on WrongJavaTypeDocument.embedding needs a "
					+ "SparseVector attribute, but it is float[]");
	}

	@Test
	void metricNotDefinedForTheColumnTypeFailsStart(TestSchema schema) {
		assertThatException()
			.isThrownBy(() -> HibernateTestSupport.sessionFactory(schema, WrongMetricDocument.class).close())
			.withStackTraceContaining("@VectorColumn on WrongMetricDocument.embedding: metric HAMMING is not defined "
					+ "for vector columns");
	}

	@Test
	void springEntityManagerFactoryBeanMapsVectorColumns(TestSchema schema) {
		LocalContainerEntityManagerFactoryBean factoryBean = new LocalContainerEntityManagerFactoryBean();
		factoryBean.setDataSource(schema.dataSource());
		factoryBean.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factoryBean.setPersistenceUnitName("spring");
		factoryBean.setManagedTypes(PersistenceManagedTypes.of(DefaultDimensionsDocument.class.getName(), Document.class.getName()));
		factoryBean.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create-drop", VectorJpaSettings.DIMENSIONS, 7));
		factoryBean.afterPropertiesSet();
		EntityManagerFactory entityManagerFactory = factoryBean.getObject();
		try {
			assertThat(columnType(schema)).isEqualTo("vector(7)");
			assertThatException().isThrownBy(() -> entityManagerFactory.unwrap(SessionFactory.class)
				.inTransaction((session) -> session.persist(new Document(1L, "x", new float[2]))))
				.isInstanceOf(dev.vectorjpa.InvalidVectorException.class)
				.withMessage("Document.embedding: expected 384 dimensions, got 2");
		}
		finally {
			factoryBean.destroy();
		}
	}

	private static Object columnType(TestSchema schema) {
		List<List<Object>> rows = schema.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
				+ "WHERE attrelid = 'default_dimensions_documents'::regclass AND attname = 'embedding'");
		return rows.get(0).get(0);
	}

}
