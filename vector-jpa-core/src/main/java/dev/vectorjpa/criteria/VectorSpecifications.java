package dev.vectorjpa.criteria;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.CriteriaVectors;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/**
 * Spring Data JPA {@link Specification}s over a {@code @VectorColumn} attribute, for
 * {@code JpaSpecificationExecutor} and {@code VectorRepository.findNearest(Specification, float[], int)}: order by
 * distance, distance below a bound, similarity at least a score. The attribute may be omitted when the entity has
 * exactly one; SQL is rendered as {@link VectorCriteria} renders it.
 *
 * <pre class="code">
 * repository.findBy(where(categoryIs("tech")).and(VectorSpecifications.nearestFirst(vector)),
 *         (query) -&gt; query.limit(10).all());
 * </pre>
 *
 * @since 0.1
 */
public final class VectorSpecifications {

	private VectorSpecifications() {
	}

	/**
	 * Orders by distance from {@code query}, nearest first, restricting nothing; combine it with a limit and no other
	 * sort (a {@code Sort} given to {@code findAll} replaces it).
	 */
	public static <T> Specification<T> nearestFirst(Object query) {
		return nearestFirst(null, query);
	}

	/** Orders by distance of {@code attribute} from {@code query}, nearest first (see {@link #nearestFirst(Object)}). */
	public static <T> Specification<T> nearestFirst(@Nullable String attribute, Object query) {
		return (root, criteria, builder) -> {
			if (criteria != null) {
				criteria.orderBy(VectorCriteria.nearestFirst(builder, path(root, attribute, builder), query));
			}
			return null;
		};
	}

	/** Entities whose distance from {@code query} (the attribute's {@link Metric}) is below {@code maxDistance}. */
	public static <T> Specification<T> distanceBelow(Object query, double maxDistance) {
		return distanceBelow(null, query, maxDistance);
	}

	/** Entities whose {@code attribute} is nearer to {@code query} than {@code maxDistance}. */
	public static <T> Specification<T> distanceBelow(@Nullable String attribute, Object query, double maxDistance) {
		return (root, criteria, builder) -> VectorCriteria.distanceBelow(builder, path(root, attribute, builder),
				query, maxDistance);
	}

	/** Entities whose similarity score to {@code query} ({@code Nearest.score()}) is at least {@code score}. */
	public static <T> Specification<T> similarityAtLeast(Object query, double score) {
		return similarityAtLeast(null, query, score);
	}

	/** Entities whose {@code attribute} has a similarity score to {@code query} of at least {@code score}. */
	public static <T> Specification<T> similarityAtLeast(@Nullable String attribute, Object query, double score) {
		return (root, criteria, builder) -> VectorCriteria.similarityAtLeast(builder, path(root, attribute, builder),
				query, score);
	}

	private static Path<?> path(Root<?> root, @Nullable String attribute, CriteriaBuilder builder) {
		return root.get((attribute != null) ? attribute
				: CriteriaVectors.onlyVectorAttribute(builder, root.getJavaType()).name());
	}

}
