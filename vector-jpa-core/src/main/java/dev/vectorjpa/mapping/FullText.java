package dev.vectorjpa.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} attribute that hybrid search matches with PostgreSQL full-text search.
 *
 * @since 0.1
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FullText {

	/** Text search configuration, e.g. {@code english} or {@code simple}. */
	String config() default "english";

}
