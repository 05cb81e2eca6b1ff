package dev.vectorjpa.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorColumnBinder;
import org.hibernate.annotations.AttributeBinderType;

/**
 * Maps an attribute to a pgvector column ({@code vector}, {@code halfvec}, {@code sparsevec} or {@code bit}).
 * Nothing else is needed on the attribute: no {@code @JdbcTypeCode}, no {@code @Array}.
 *
 * @since 0.1
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AttributeBinderType(binder = VectorColumnBinder.class)
public @interface VectorColumn {

	/** Dimension count; 0 takes the configured default ({@code vector-jpa.dimensions}). */
	int dimensions() default 0;

	/**
	 * Distance metric used by {@code findNearest} and by the index; write {@code metric = Metric.COSINE}. Left
	 * empty, the configured default applies ({@code vector-jpa.metric}, cosine), or {@code HAMMING} for bit columns.
	 * (An array so that "not set" can be told apart from an explicit choice.)
	 */
	Metric[] metric() default {};

	/** Column type; {@code float[]} attributes may be VECTOR or HALFVEC. */
	VectorType type() default VectorType.VECTOR;

	/**
	 * The {@code String} attribute this vector is computed from by the configured
	 * {@link dev.vectorjpa.embedding.TextEmbedder}: on persist, on update when that attribute changed, and in
	 * {@code bulkInsert}; empty (the default) means the application sets the vector itself.
	 */
	String embeddedFrom() default "";

}
