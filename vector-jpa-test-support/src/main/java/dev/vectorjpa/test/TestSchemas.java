package dev.vectorjpa.test;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The schema of each running {@link DatabaseTest} class, created by whichever comes first: the JUnit extension's
 * {@code beforeAll} or the Spring context customizer (a per-class test instance is post-processed before
 * {@code beforeAll}).
 */
final class TestSchemas {

	private static final Map<Class<?>, TestSchema> SCHEMAS = new ConcurrentHashMap<>();

	private TestSchemas() {
	}

	/** The schema of {@code testClass}, created on first use. */
	static TestSchema forClass(Class<?> testClass) {
		return SCHEMAS.computeIfAbsent(testClass,
				(type) -> TestSchema.create(PostgresDatabase.get(), schemaName(type)));
	}

	/** Forgets the schema of {@code testClass}, returning it. */
	static @Nullable TestSchema remove(Class<?> testClass) {
		return SCHEMAS.remove(testClass);
	}

	static String schemaName(Class<?> testClass) {
		String name = PostgresDatabase.SCHEMA_PREFIX + (System.currentTimeMillis() / 1000) + "_"
				+ testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
				+ Long.toHexString(System.nanoTime() & 0xffffff);
		return (name.length() > 63) ? name.substring(0, 63) : name;
	}

}
