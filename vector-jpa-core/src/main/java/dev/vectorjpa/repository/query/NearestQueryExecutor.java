package dev.vectorjpa.repository.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.jdbc.BinaryVectorTransfer;
import dev.vectorjpa.jdbc.SearchSettings;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.observation.VectorJpaObservations;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Type;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ObjectUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs a pre-rendered {@link NearestSql} as one Hibernate native query that materialises managed entities
 * ({@code addEntity}) plus the distance column; per call only binding and execution happen. Search options are set
 * with one {@code set_config} statement first, only when some are set. Without an active transaction a read-only
 * one is opened, since {@code SET LOCAL} and managed results both need one.
 *
 * @since 0.1
 */
public final class NearestQueryExecutor {

	private VectorJpaObservations observations = VectorJpaObservations.noop();

	private final String entityName;

	/** Prefix of the parameters of a per-call extra condition (e.g. a metadata filter). */
	public static final String EXTRA_PARAMETER = "vjpa_f";

	private final EntityManager entityManager;

	private final Class<?> entityType;

	private final SearchOptions defaults;

	private final Supplier<TransactionTemplate> readOnlyTransaction;

	// row-level security reads the domain from a per-transaction setting: every read then needs a transaction
	private final boolean autoCommitReads;

	private final boolean binaryTransfer;

	/**
	 * An executor for queries returning {@code entityType}.
	 * @param entityManager the (shared) entity manager
	 * @param defaults search options applied where a call sets none
	 * @param transactionManager the transaction manager used when no transaction is active
	 */
	public NearestQueryExecutor(EntityManager entityManager, Class<?> entityType, SearchOptions defaults,
			Supplier<PlatformTransactionManager> transactionManager) {
		this.entityManager = entityManager;
		this.entityType = entityType;
		this.defaults = defaults;
		this.entityName = entityType.getSimpleName();
		Map<String, Object> properties = entityManager.getEntityManagerFactory().getProperties();
		this.autoCommitReads = !Boolean.parseBoolean(String.valueOf(properties
			.get(VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY)));
		this.binaryTransfer = VectorJpaSettings.binaryTransfer(properties);
		this.readOnlyTransaction = SingletonSupplier.of(() -> {
			TransactionTemplate template = new TransactionTemplate(transactionManager.get());
			template.setReadOnly(true);
			return template;
		});
	}

	/**
	 * The {@code limit} nearest rows.
	 * @param sql the statement text, exact or not ({@link NearestSql#sql(boolean)}, or with an extra condition)
	 * @param queryText the query vector in pgvector's text form ({@link QueryVectors#toText})
	 * @param criteria the criteria values, in the order of {@link NearestSql#criteria()}
	 * @param threshold a {@code Score}/{@code Similarity} or {@code Range<Similarity>}, per
	 * {@link NearestSql#threshold()}
	 * @param extra values of the extra condition's parameters ({@value #EXTRA_PARAMETER}1, 2, ...)
	 */
	@SuppressWarnings("unchecked")
	public <T> List<Nearest<T>> search(NearestSql nearest, NearestSql.Text sql, String queryText, Object[] criteria,
			@Nullable Object threshold, int limit, SearchOptions options, List<Object> extra) {
		if (limit < 1) {
			throw new IllegalArgumentException("The number of nearest neighbours must be at least 1, got " + limit);
		}
		SearchOptions effective = effective(options);
		FilteredSearchStrategy.Plan plan = FilteredSearchStrategy.plan(sql, effective, limit);
		VectorAttribute searched = nearest.attribute();
		return this.observations.search(this.entityName, searched.metric(), indexType(searched),
				(strategy) -> (List<Nearest<T>>) inTransaction(effective, (session) -> {
			NativeQuery<Object[]> query = query(session, plan.sql(), plan.adaptive(), nearest, queryText, criteria,
					threshold, limit, extra);
			if (plan.adaptive()) {
				query.setParameter(FilteredNearestSql.BOUND_PARAMETER, plan.bound());
			}
			List<Object[]> rows = query.getResultList();
			FilteredSearchStrategy.Chosen chosen = FilteredSearchStrategy.outcome(plan, rows,
					rows.isEmpty() ? null : (Number) rows.get(0)[2], limit, threshold != null, this.entityName);
			if (chosen == null) {
				chosen = FilteredSearchStrategy.Chosen.AUTO_INDEX_THEN_EXACT;
				rows = query(session, sql.sql(true), false, nearest, queryText, criteria, threshold, limit, extra)
					.getResultList();
			}
			strategy.accept(chosen.tag());
			return nearestOf(rows, nearest.attribute(), chosen == FilteredSearchStrategy.Chosen.AUTO_INDEX);
		}));
	}

	private NativeQuery<Object[]> query(Session session, String text, boolean adaptive, NearestSql nearest,
			String queryText, Object[] criteria, @Nullable Object threshold, int limit, List<Object> extra) {
		NativeQuery<Object[]> query = session.createNativeQuery(text, Object[].class);
		query.addEntity(EntityColumns.ROOT_ALIAS, this.entityType)
			.addScalar(NearestSql.DISTANCE_COLUMN, StandardBasicTypes.DOUBLE);
		if (adaptive) {
			query.addScalar(FilteredNearestSql.MATCHES_COLUMN, StandardBasicTypes.LONG);
		}
		query.setParameter(NearestSql.QUERY_PARAMETER, queryText);
		bindCriteria(query, nearest.criteria(), criteria);
		bindThreshold(query, nearest, threshold);
		bindExtra(query, extra);
		if (nearest.scope() != null) {
			nearest.scope().bind(query::setParameter);
		}
		query.setParameter(NearestSql.LIMIT_PARAMETER, limit);
		return query;
	}

	@SuppressWarnings("unchecked")
	private static <T> List<Nearest<T>> nearestOf(List<Object[]> rows, VectorAttribute attribute, boolean resort) {
		Metric metric = attribute.metric();
		List<Nearest<T>> result = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			double distance = (Double) row[1];
			result.add(new Nearest<>((T) row[0], distance, metric.score(distance, attribute.dimensions())));
		}
		if (resort) {
			// a relaxed-order iterative scan may return rows slightly out of distance order (stable sort: ties keep
			// the database's order)
			result.sort(Comparator.comparingDouble(Nearest::distance));
		}
		return result;
	}

	/** The single {@code count(*)} value of {@code sql} with an extra condition's values bound. */
	public long count(String sql, QueryScope.@Nullable Condition scope, List<Object> extra) {
		return (Long) inTransaction(SearchOptions.none(), (session) -> {
			NativeQuery<Long> query = session.createNativeQuery(sql, Long.class);
			bindExtra(query, extra);
			if (scope != null) {
				scope.bind(query::setParameter);
			}
			return query.getSingleResult();
		});
	}

	/** Reports every search as a {@code vector-jpa.search} observation. */
	public void setObservations(VectorJpaObservations observations) {
		this.observations = observations;
	}

	private static @Nullable IndexType indexType(VectorAttribute attribute) {
		VectorIndex index = attribute.index();
		return (index != null && index.type().length == 1) ? index.type()[0] : null;
	}

	private SearchOptions effective(SearchOptions options) {
		return (options == SearchOptions.none()) ? this.defaults : options.withDefaults(this.defaults);
	}

	private Object inTransaction(SearchOptions effective, Function<Session, Object> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return run(effective, work);
		}
		if (!effective.hasServerSettings() && this.autoCommitReads) {
			// Nothing to SET LOCAL: one auto-commit statement on a short-lived session, as Spring Data JPA's own
			// queries run outside a transaction (their results are detached afterwards too). Saves the BEGIN/COMMIT
			// round trip of a read-only transaction on the hot path.
			EntityManager shortLived = this.entityManager.getEntityManagerFactory().createEntityManager();
			try {
				Session session = shortLived.unwrap(Session.class);
				// its entities are detached on return: no dirty-checking snapshot (a copy of every vector) is needed
				session.setDefaultReadOnly(true);
				enableBinaryTransfer(session);
				return work.apply(session);
			}
			finally {
				shortLived.close();
			}
		}
		return this.readOnlyTransaction.get().execute((status) -> run(effective, work));
	}

	private Object run(SearchOptions options, Function<Session, Object> work) {
		Session session = session();
		if (this.binaryTransfer || options.hasServerSettings()) {
			// one trip through Hibernate's connection access for both
			session.doWork((connection) -> {
				if (this.binaryTransfer) {
					BinaryVectorTransfer.enable(connection);
				}
				SearchSettings.apply(connection, options);
			});
		}
		return work.apply(session);
	}

	private void enableBinaryTransfer(Session session) {
		if (this.binaryTransfer) {
			session.doWork(BinaryVectorTransfer::enable);
		}
	}

	private Session session() {
		return this.entityManager.unwrap(Session.class);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void bindCriteria(NativeQuery<?> query, List<CriterionParameter> parameters, Object[] values) {
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
				if (type != null) {
					query.setParameterList(parameter.name(), collection, type);
				}
				else {
					query.setParameterList(parameter.name(), collection);
				}
			}
			else if (type != null && parameter.bindValue(value) == value) {
				query.setParameter(parameter.name(), value, type);
			}
			else {
				query.setParameter(parameter.name(), parameter.bindValue(value));
			}
		}
	}

	private static void bindThreshold(NativeQuery<?> query, NearestSql nearest, @Nullable Object threshold) {
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
			query.setParameter(NearestSql.MAX_DISTANCE_PARAMETER,
					metric.distanceForScore(score.getValue(), dimensions));
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
		query.setParameter(NearestSql.MAX_DISTANCE_PARAMETER, max);
		query.setParameter(NearestSql.MIN_DISTANCE_PARAMETER, min);
	}

	private static void bindExtra(NativeQuery<?> query, List<Object> extra) {
		for (int i = 0; i < extra.size(); i++) {
			query.setParameter(EXTRA_PARAMETER + (i + 1), extra.get(i));
		}
	}

}
