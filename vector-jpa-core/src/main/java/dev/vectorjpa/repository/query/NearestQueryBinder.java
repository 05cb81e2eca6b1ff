package dev.vectorjpa.repository.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorAttribute;
import jakarta.persistence.metamodel.Type;
import org.hibernate.query.NativeQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.util.ObjectUtils;

/**
 * Binds the per-call values of a pre-rendered nearest statement: criteria, similarity threshold and the values of an
 * extra condition (a metadata filter).
 */
final class NearestQueryBinder {

	private NearestQueryBinder() {
	}

	/** Where named values go: a Hibernate {@link NativeQuery}, or the parameters of a detached search. */
	interface Target {

		/** Binds {@code value} to {@code name}, with {@code type} or the type Hibernate infers from the value. */
		void set(String name, Object value, @Nullable Type<?> type);

		/** Binds the values of an {@code In} criterion. */
		void setList(String name, Collection<?> values, @Nullable Type<?> type);

		/** A target binding to {@code query}. */
		@SuppressWarnings({ "unchecked", "rawtypes" })
		static Target of(NativeQuery<?> query) {
			return new Target() {

				@Override
				public void set(String name, Object value, @Nullable Type<?> type) {
					if (type != null) {
						query.setParameter(name, value, (Type) type);
					}
					else {
						query.setParameter(name, value);
					}
				}

				@Override
				public void setList(String name, Collection<?> values, @Nullable Type<?> type) {
					if (type != null) {
						query.setParameterList(name, values, (Type) type);
					}
					else {
						query.setParameterList(name, values);
					}
				}

			};
		}

	}

	static void bindCriteria(Target query, List<CriterionParameter> parameters, Object[] values) {
		for (int i = 0; i < parameters.size(); i++) {
			CriterionParameter parameter = parameters.get(i);
			Object value = values[i];
			if (value == null) {
				throw new IllegalArgumentException("The value for '" + parameter.property() + "' (" + parameter.type()
						+ ") must not be null; use IsNull to find rows without a value");
			}
			Type type = (parameter.jdbcMapping() instanceof Type<?> domainType) ? domainType : null;
			if (parameter.collection()) {
				Collection<?> collection = value.getClass().isArray() ? Arrays.asList(ObjectUtils.toObjectArray(value))
						: (Collection<?>) value;
				query.setList(parameter.name(), collection, type);
			}
			else if (type != null && parameter.bindValue(value) == value) {
				query.set(parameter.name(), value, type);
			}
			else {
				query.set(parameter.name(), parameter.bindValue(value), null);
			}
		}
	}

	static void bindThreshold(Target query, NearestSql nearest, @Nullable Object threshold) {
		if (nearest.threshold() == NearestSql.Threshold.NONE) {
			return;
		}
		if (threshold == null) {
			throw new IllegalArgumentException("The similarity threshold must not be null");
		}
		VectorAttribute attribute = nearest.attribute();
		Metric metric = attribute.metric();
		int dimensions = attribute.dimensions();
		if (threshold instanceof Score score) {
			query.set(NearestSql.MAX_DISTANCE_PARAMETER, metric.distanceForScore(score.getValue(), dimensions), null);
			return;
		}
		// a higher similarity is a smaller distance: the range's lower bound limits the largest distance
		Range<?> range = (Range<?>) threshold;
		double max = Double.POSITIVE_INFINITY;
		double min = Double.NEGATIVE_INFINITY;
		Range.Bound<?> lower = range.getLowerBound();
		if (lower.getValue().isPresent()) {
			max = metric.distanceForScore(((Score) lower.getValue().get()).getValue(), dimensions);
			max = lower.isInclusive() ? max : Math.nextDown(max);
		}
		Range.Bound<?> upper = range.getUpperBound();
		if (upper.getValue().isPresent()) {
			min = metric.distanceForScore(((Score) upper.getValue().get()).getValue(), dimensions);
			min = upper.isInclusive() ? min : Math.nextUp(min);
		}
		query.set(NearestSql.MAX_DISTANCE_PARAMETER, max, null);
		query.set(NearestSql.MIN_DISTANCE_PARAMETER, min, null);
	}

	static void bindExtra(Target query, List<Object> extra) {
		for (int i = 0; i < extra.size(); i++) {
			query.set(NearestQueryExecutor.EXTRA_PARAMETER + (i + 1), extra.get(i), null);
		}
	}

}
