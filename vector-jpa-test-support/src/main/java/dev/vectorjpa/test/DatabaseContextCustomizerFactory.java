package dev.vectorjpa.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives the Spring test context of a {@link DatabaseTest} class the connection to that class's own schema.
 * <p>
 * Registered in {@code META-INF/spring.factories}. The customizer it returns is part of the context cache key, so a
 * class never reuses the context (and connection pool) of another class's schema.
 */
public final class DatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, DatabaseTest.class)
				? new DatabaseContextCustomizer(testClass) : null;
	}

}
