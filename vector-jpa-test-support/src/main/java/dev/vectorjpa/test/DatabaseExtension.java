package dev.vectorjpa.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Creates a schema per test class before any of its tests, drops it after the class, and resolves
 * {@link TestSchema} parameters.
 * <p>
 * A Spring test context reaches the schema through {@link DatabaseContextCustomizerFactory}, never through
 * JVM-wide system properties.
 */
public final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestSchema.current = TestSchemas.forClass(context.getRequiredTestClass());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		TestSchema schema = TestSchemas.remove(context.getRequiredTestClass());
		TestSchema.current = null;
		if (schema != null) {
			schema.drop();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestSchema.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return TestSchemas.forClass(extensionContext.getRequiredTestClass());
	}

}
