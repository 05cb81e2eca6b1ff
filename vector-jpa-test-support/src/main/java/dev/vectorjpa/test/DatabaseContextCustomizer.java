package dev.vectorjpa.test;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Registers the schema of one {@link DatabaseTest} class with its Spring context: a {@code JdbcConnectionDetails}
 * bean for Spring Boot (it takes precedence over {@code spring.datasource.*}, as {@code @ServiceConnection} does) and
 * the property {@code vector-jpa.test.schema}.
 * <p>
 * Equal only for the same test class: the schema belongs to that class, so must the cached context.
 */
final class DatabaseContextCustomizer implements ContextCustomizer {

	/** Property naming the schema of the test class in the test's environment. */
	static final String SCHEMA_PROPERTY = "vector-jpa.test.schema";

	private static final String CONNECTION_DETAILS = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";

	private final Class<?> testClass;

	DatabaseContextCustomizer(Class<?> testClass) {
		this.testClass = testClass;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		TestSchema schema = TestSchemas.forClass(this.testClass);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("vectorJpaTestSchema", Map.of(SCHEMA_PROPERTY, schema.name())));
		if (ClassUtils.isPresent(CONNECTION_DETAILS, context.getClassLoader())) {
			TestSchemaJdbcConnectionDetails.register(context, schema);
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof DatabaseContextCustomizer customizer) && this.testClass == customizer.testClass;
	}

	@Override
	public int hashCode() {
		return this.testClass.hashCode();
	}

}
