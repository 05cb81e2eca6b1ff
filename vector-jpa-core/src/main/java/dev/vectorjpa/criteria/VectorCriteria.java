package dev.vectorjpa.criteria;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.CriteriaVectors;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorDistanceFunctions;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.repository.query.QueryVectors;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Vector;

/**
 * Vector distances for JPA Criteria queries: the distance between a {@code @VectorColumn} attribute and a query
 * vector, ordering nearest first, and distance or similarity bounds.
 * <p>
 * A distance renders as the metric's operator with the query vector bound and cast to the column type, e.g.
 * {@code d1_0.embedding<=>cast(? as vector)}, the form the repositories' own SQL uses and the one an HNSW or IVFFlat
 * index with the metric's operator class serves for {@code ORDER BY ... LIMIT k}. The query vector is a
 * {@code float[]} or Spring Data {@link Vector} for {@code vector}, {@code halfvec} and {@code sparsevec} attributes,
 * a {@link SparseVector} for {@code sparsevec} and a {@code BitVector} for {@code bit}; it is checked against the
 * attribute (dimensions, finite components) before any SQL is sent.
 *
 * <pre class="code">
 * CriteriaQuery&lt;Document&gt; query = cb.createQuery(Document.class);
 * Root&lt;Document&gt; root = query.from(Document.class);
 * query.where(cb.equal(root.get("category"), "tech"))
 *     .orderBy(VectorCriteria.nearestFirst(cb, root.get("embedding"), vector));
 * entityManager.createQuery(query).setMaxResults(10).getResultList();
 * </pre>
 *
 * @since 0.1
 */
public final class VectorCriteria {

	private VectorCriteria() {
	}

	/** The distance between {@code vector} and {@code query} by the attribute's metric ({@code @VectorColumn}). */
	public static Expression<Double> distance(CriteriaBuilder builder, Expression<?> vector, Object query) {
		VectorAttribute attribute = CriteriaVectors.attribute(builder, vector);
		return distance(builder, vector, attribute, attribute.metric(), query);
	}

	/**
	 * The distance between {@code vector} and {@code query} by {@code metric} (an index serves only the attribute's
	 * own metric).
	 */
	public static Expression<Double> distance(CriteriaBuilder builder, Expression<?> vector, Object query,
			Metric metric) {
		if (metric == null) {
			throw new IllegalArgumentException("Metric must not be null");
		}
		return distance(builder, vector, CriteriaVectors.attribute(builder, vector), metric, query);
	}

	/** Ascending distance from {@code query} by the attribute's metric: nearest first. */
	public static Order nearestFirst(CriteriaBuilder builder, Expression<?> vector, Object query) {
		return builder.asc(distance(builder, vector, query));
	}

	/** Whether the distance between {@code vector} and {@code query} is below {@code maxDistance}. */
	public static Predicate distanceBelow(CriteriaBuilder builder, Expression<?> vector, Object query,
			double maxDistance) {
		return builder.lessThan(distance(builder, vector, query), maxDistance);
	}

	/**
	 * Whether the similarity score of {@code vector} to {@code query} ({@link Metric#score}, as in
	 * {@code Nearest.score()}) is at least {@code score}, rendered as the equivalent distance bound.
	 */
	public static Predicate similarityAtLeast(CriteriaBuilder builder, Expression<?> vector, Object query,
			double score) {
		VectorAttribute attribute = CriteriaVectors.attribute(builder, vector);
		double maxDistance = attribute.metric().distanceForScore(score, attribute.dimensions());
		return builder.lessThanOrEqualTo(distance(builder, vector, attribute, attribute.metric(), query), maxDistance);
	}

	private static Expression<Double> distance(CriteriaBuilder builder, Expression<?> vector,
			VectorAttribute attribute, Metric metric, Object query) {
		if (!metric.supports(attribute.type())) {
			throw new IllegalArgumentException("Metric " + metric + " is not defined for " + attribute.name() + " ("
					+ attribute.sqlType() + ")");
		}
		return builder.function(VectorDistanceFunctions.name(metric), Double.class, vector,
				CriteriaVectors.value(builder, vector, queryValue(attribute, query)));
	}

	/** {@code query} as a value of the attribute's Java type, checked as the repository searches check it. */
	static Object queryValue(VectorAttribute attribute, Object query) {
		if (query != null && !QueryVectors.accepts(query.getClass(), attribute.type())) {
			throw new InvalidVectorException("The query vector for " + attribute.name() + " (" + attribute.sqlType()
					+ ") cannot be a " + query.getClass().getSimpleName());
		}
		// dimensions and finite components, with the repository searches' messages
		QueryVectors.toText(query, attribute);
		float[] values = (query instanceof Vector vector) ? vector.toFloatArray()
				: (query instanceof float[] array) ? array : null;
		return switch (attribute.type()) {
			case SPARSEVEC -> (values != null) ? SparseVector.fromArray(values) : query;
			default -> (values != null) ? values : query;
		};
	}

}
