package dev.vectorjpa.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real PostgreSQL + pgvector, in a fresh schema of its own that is dropped afterwards.
 * <p>
 * Place it before {@code @SpringBootTest}/{@code @ExtendWith(SpringExtension.class)} so that the schema exists, and
 * {@code spring.datasource.url} points at it, before a Spring context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {

}
