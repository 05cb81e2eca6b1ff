package dev.vectorjpa.repository.query;

import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.criteria.VectorCriteria;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.repository.Nearest;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.hibernate.Session;
import org.springframework.data.jpa.domain.Specification;

/**
 * A nearest-neighbour search whose criteria are a Spring Data JPA {@link Specification}: a Criteria query selecting
 * the entity and its distance, restricted by the specification, ordered nearest first, limited to {@code k}.
 * <p>
 * A Specification is a Criteria predicate, which only Hibernate can render, so this query is a Criteria query rather
 * than the native statement of the other searches; it runs on the same executor (session and transaction policy,
 * search options, observations) and its distance is rendered as theirs is, {@code col <op> cast(? as type)} (ordered
 * through its select-list position), so that an index of the metric's operator class serves it. Domain scoping is
 * Hibernate's tenant filter, which applies to every Criteria query on a domain entity.
 *
 * @param <T> the entity type
 * @since 0.1
 */
public final class NearestSpecificationQuery<T> {

	private final Class<T> domainType;

	private final VectorAttribute attribute;

	/** A query over {@code attribute} of {@code domainType}. */
	public NearestSpecificationQuery(Class<T> domainType, VectorAttribute attribute) {
		this.domainType = domainType;
		this.attribute = attribute;
	}

	/** The searched attribute. */
	public VectorAttribute attribute() {
		return this.attribute;
	}

	/**
	 * The criteria query selecting {@code [entity, distance]} for {@code specification}, nearest to {@code query}
	 * first; {@code exact} orders by {@code distance + 0}, which no approximate index serves.
	 */
	public CriteriaQuery<Object[]> create(CriteriaBuilder builder, Specification<T> specification, Object query,
			boolean exact) {
		CriteriaQuery<Object[]> criteria = builder.createQuery(Object[].class);
		Root<T> root = criteria.from(this.domainType);
		Path<?> vector = root.get(this.attribute.name());
		Expression<Double> distance = VectorCriteria.distance(builder, vector, query);
		List<Predicate> restrictions = new ArrayList<>(2);
		Predicate predicate = specification.toPredicate(root, criteria, builder);
		if (predicate != null) {
			restrictions.add(predicate);
		}
		if (this.attribute.nullable()) {
			restrictions.add(builder.isNotNull(vector));
		}
		criteria.multiselect(root, distance).where(restrictions.toArray(Predicate[]::new));
		// replaces any order the specification set: the distance is the order of a nearest search
		criteria.orderBy(builder.asc(exact ? builder.sum(distance, 0.0) : distance));
		return criteria;
	}

	/** The {@code k} nearest entities matching {@code specification}, run on {@code session}. */
	public List<Nearest<T>> execute(Session session, Specification<T> specification, Object query, int k,
			boolean exact) {
		List<Object[]> rows = session.createQuery(create(session.getCriteriaBuilder(), specification, query, exact))
			.setMaxResults(k)
			.getResultList();
		List<Nearest<T>> result = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			double distance = (Double) row[1];
			result.add(new Nearest<>(this.domainType.cast(row[0]), distance,
					this.attribute.metric().score(distance, this.attribute.dimensions())));
		}
		return result;
	}

}
