package dev.vectorjpa.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the approximate nearest-neighbour index of a {@link VectorColumn} attribute. Unset values (0) take the
 * {@code vector-jpa.index.*} defaults.
 *
 * @since 0.1
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface VectorIndex {

	/**
	 * Index type; write {@code type = IndexType.HNSW}. Left empty, {@code vector-jpa.index.type} applies, or HNSW
	 * when that is {@code none}. (An array so that "not set" can be told apart from an explicit choice.)
	 */
	IndexType[] type() default {};

	/** HNSW: maximum connections per layer (2-100); 0 for the default (16). */
	int m() default 0;

	/** HNSW: size of the candidate list while building (4-1000, at least 2·m); 0 for the default (64). */
	int efConstruction() default 0;

	/** IVFFlat: number of lists (1-32768); 0 for max(rows / 1000, 10), or sqrt(rows) above a million rows. */
	int lists() default 0;

	/** Whether to build with {@code CREATE INDEX CONCURRENTLY} (no write lock; slower). */
	boolean concurrently() default false;

	/**
	 * Makes the index partial: an SQL predicate over the entity's columns, e.g. {@code "section = 'database'"},
	 * checked against the table at start-up. A derived {@code findNearestBySection} called with that value is then
	 * served by this index alone, with no rows filtered away; empty (the default) indexes every row.
	 */
	String where() default "";

}
