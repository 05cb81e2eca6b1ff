package dev.vectorjpa.hibernate;

import java.util.Map;

import dev.vectorjpa.test.TestSchema;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Starts Hibernate without Spring ({@link HibernatePersistenceConfiguration}) on a test schema.
 */
final class HibernateTestSupport {

	private HibernateTestSupport() {
	}

	static SessionFactory sessionFactory(TestSchema schema, Map<String, Object> properties, Class<?>... entities) {
		HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("vector-jpa-test")
			.jdbcUrl(schema.jdbcUrl())
			.jdbcPoolSize(2)
			.property("hibernate.hbm2ddl.auto", "create-drop")
			.property("hibernate.show_sql", "false");
		for (Class<?> entity : entities) {
			configuration.managedClass(entity);
		}
		properties.forEach(configuration::property);
		return configuration.createEntityManagerFactory();
	}

	static SessionFactory sessionFactory(TestSchema schema, Class<?>... entities) {
		return sessionFactory(schema, Map.of(), entities);
	}

	/** Rounds a float to the nearest half-precision value (ties to even), as pgvector's halfvec stores it. */
	static float toHalfPrecision(float value) {
		int exponent = Math.getExponent(value);
		if (exponent < -14) {
			return (float) (Math.rint(value * 0x1p24) * 0x1p-24);
		}
		return (float) Math.scalb(Math.rint(Math.scalb((double) value, 10 - exponent)), exponent - 10);
	}

}
