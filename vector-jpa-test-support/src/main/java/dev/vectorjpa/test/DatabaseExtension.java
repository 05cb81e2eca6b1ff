package dev.vectorjpa.test;

import java.util.Locale;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Creates a schema per test class before any of its tests (and before a Spring context), drops it after the class.
 */
public final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(DatabaseExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		String name = PostgresDatabase.SCHEMA_PREFIX + (System.currentTimeMillis() / 1000) + "_"
				+ context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
				+ "_" + Long.toHexString(System.nanoTime() & 0xffffff);
		if (name.length() > 63) {
			name = name.substring(0, 63);
		}
		TestSchema schema = TestSchema.create(PostgresDatabase.get(), name);
		context.getStore(NAMESPACE).put(TestSchema.class, schema);
		TestSchema.current = schema;
		System.setProperty("spring.datasource.url", schema.jdbcUrl());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		TestSchema schema = context.getStore(NAMESPACE).remove(TestSchema.class, TestSchema.class);
		System.clearProperty("spring.datasource.url");
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
		return TestSchema.current();
	}

}
