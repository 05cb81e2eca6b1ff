package dev.vectorjpa.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs a test class against a real PostgreSQL + pgvector, in a fresh schema of its own that is dropped afterwards.
 * <p>
 * The server comes from {@link PostgresDatabase}: a configured URL, else a Testcontainers container where Docker
 * runs. Test methods may take a {@link TestSchema} parameter. In a Spring Boot test ({@code @SpringBootTest},
 * {@code @DataJpaTest}) the context connects to the schema through a {@code JdbcConnectionDetails} bean, whatever
 * {@code spring.datasource.url} says; that context is used by this class only and closed after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DatabaseExtension.class)
// The context belongs to this class's schema, which is dropped after the class: close it with the class.
// (Without spring-test on the class path the JVM ignores this annotation.)
@DirtiesContext
public @interface DatabaseTest {

}
