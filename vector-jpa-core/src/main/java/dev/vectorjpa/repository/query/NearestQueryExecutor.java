package dev.vectorjpa.repository.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.observation.VectorJpaObservations;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import jakarta.persistence.EntityManager;
import dev.vectorjpa.hibernate.DetachedEntityReader;
import dev.vectorjpa.hibernate.PgVectorJdbcType;
import org.hibernate.Session;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.spi.TypeConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one executor of an entity's vector reads: derived and inherited {@code findNearest}, filtered searches,
 * {@code findHybrid} and {@code count(MetadataFilter)} all run here, so that search defaults and options, the
 * transaction policy of {@link VectorReadSessions} (with domain scoping and row-level security), observations and
 * binary transfer apply to each of them. Statements are rendered at start-up; per call only binding and execution
 * happen, and results are managed entities ({@code addEntity}) with the distance column.
 *
 * @since 0.1
 */
public final class NearestQueryExecutor {

	/** Prefix of the parameters of a per-call extra condition (e.g. a metadata filter). */
	public static final String EXTRA_PARAMETER = "vjpa_f";

	private static final Log logger = LogFactory.getLog(NearestQueryExecutor.class);

	private VectorJpaObservations observations = VectorJpaObservations.noop();

	private final String entityName;

	private final Class<?> entityType;

	private final SearchOptions defaults;

	private final VectorReadSessions sessions;

	private final FilteredCountCache counts = new FilteredCountCache();

	private final BasicType<float[]> vectorType;

	// null when the entity's mapping needs Hibernate's loader (DetachedEntityReader says why, logged at start-up)
	private final @Nullable DetachedNearestQuery detached;

	/**
	 * An executor for queries returning {@code entityType}.
	 * @param entityManager the (shared) entity manager
	 * @param defaults search options applied where a call sets none
	 * @param transactionManager the transaction manager used when no transaction is active
	 */
	public NearestQueryExecutor(EntityManager entityManager, Class<?> entityType, SearchOptions defaults,
			Supplier<PlatformTransactionManager> transactionManager) {
		this.entityType = entityType;
		this.defaults = defaults;
		this.entityName = entityType.getSimpleName();
		this.sessions = new VectorReadSessions(entityManager, transactionManager);
		SessionFactoryImplementor sessionFactory = entityManager.getEntityManagerFactory()
			.unwrap(SessionFactoryImplementor.class);
		TypeConfiguration types = sessionFactory.getTypeConfiguration();
		DetachedEntityReader.Support support = DetachedEntityReader.of(sessionFactory, entityType);
		this.detached = (support.reader() != null) ? new DetachedNearestQuery(support.reader(), sessionFactory) : null;
		if (logger.isDebugEnabled()) {
			logger.debug(this.entityName + ": searches outside a transaction build entities "
					+ ((this.detached != null) ? "from their rows (" : "with Hibernate's loader (") + support.reason()
					+ ")");
		}
		this.vectorType = types.getBasicTypeRegistry()
			.resolve(types.getJavaTypeRegistry().resolveDescriptor(float[].class), PgVectorJdbcType.VECTOR);
	}

	/**
	 * The {@code limit} nearest rows.
	 * @param sql the statement text, exact or not ({@link NearestSql#sql(boolean)}, or with an extra condition)
	 * @param queryValue the query vector as {@link QueryVectors#toBindValue} checked it
	 * @param criteria the criteria values, in the order of {@link NearestSql#criteria()}
	 * @param threshold a {@code Score}/{@code Similarity} or {@code Range<Similarity>}, per
	 * {@link NearestSql#threshold()}
	 * @param extra values of the extra condition's parameters ({@value #EXTRA_PARAMETER}1, 2, ...)
	 */
	public <T> List<Nearest<T>> search(NearestSql nearest, NearestSql.Text sql, Object queryValue, Object[] criteria,
			@Nullable Object threshold, int limit, SearchOptions options, List<Object> extra) {
		checkLimit(limit);
		SearchOptions effective = effective(options);
		VectorAttribute attribute = nearest.attribute();
		return this.observations.search(this.entityName, attribute.metric(), attribute.indexType(),
				(strategy) -> this.sessions.read(effective, (session, detached) -> {
					Call call = new Call(nearest, queryValue, criteria, threshold, limit, extra);
					// the filter strategy's one hook: which statement runs, and whether its result is widened
					FilteredSearchStrategy.Plan planned = FilteredSearchStrategy.plan(sql, effective, limit,
							nearest.scope() != null && nearest.scope().restricts(session));
					List<Object> filter = planned.adaptive() ? Arrays.asList(planned.sql(), Arrays.asList(criteria),
							extra, String.valueOf(session.getTenantIdentifierValue()), planned.bound()) : List.of();
					Boolean many = planned.adaptive() ? this.counts.many(filter) : null;
					FilteredSearchStrategy.Plan plan = (many != null)
							? FilteredSearchStrategy.remembered(planned, (FilteredNearestSql) sql, many) : planned;
					List<Object[]> rows = rows(session, detached, plan.sql(), plan.adaptive(), plan.bound(), call);
					Number matches = null;
					if (plan.adaptive()) {
						// one row at least: the count, without an entity when nothing was found
						matches = (Number) rows.get(0)[2];
						rows = (rows.get(0)[0] != null) ? rows : List.of();
						this.counts.remember(filter, matches.longValue() >= plan.bound());
					}
					FilteredSearchStrategy.Chosen chosen = FilteredSearchStrategy.outcome(plan, rows, matches, limit,
							threshold != null, this.entityName);
					if (chosen == null) {
						chosen = FilteredSearchStrategy.Chosen.AUTO_INDEX_THEN_EXACT;
						rows = rows(session, detached, sql.sql(true), false, 0, call);
					}
					strategy.accept(chosen.tag());
					// an iterative scan in relaxed order may return rows slightly out of order
					return nearestOf(rows, attribute,
							plan.adaptive() || chosen == FilteredSearchStrategy.Chosen.AUTO_INDEX);
				}));
	}

	/** The values of one search call. */
	private record Call(NearestSql nearest, Object queryValue, Object[] criteria, @Nullable Object threshold,
			int limit, List<Object> extra) {
	}

	/**
	 * The rows ({@code [entity, distance]}, adaptive: {@code [entity, distance, matches]}) of {@code text}: built by
	 * {@link DetachedNearestQuery} when they leave the call detached and the mapping allows, else by Hibernate.
	 */
	private List<Object[]> rows(Session session, boolean detached, String text, boolean adaptive, int bound,
			Call call) {
		if (detached && this.detached != null) {
			DetachedNearestQuery.Parameters parameters = this.detached.parameters();
			bind(parameters, session, adaptive, bound, call);
			if (parameters.bindable()) {
				return this.detached.list((SharedSessionContractImplementor) session, text, parameters, adaptive);
			}
		}
		NativeQuery<Object[]> query = session.createNativeQuery(text, Object[].class);
		query.addEntity(EntityColumns.ROOT_ALIAS, this.entityType)
			.addScalar(NearestSql.DISTANCE_COLUMN, StandardBasicTypes.DOUBLE);
		if (adaptive) {
			query.addScalar(FilteredNearestSql.MATCHES_COLUMN, StandardBasicTypes.LONG);
		}
		bind(NearestQueryBinder.Target.of(query), session, adaptive, bound, call);
		return query.getResultList();
	}

	private void bind(NearestQueryBinder.Target target, Session session, boolean adaptive, int bound, Call call) {
		// a dense query vector through PgVectorJdbcType: pgvector's binary form inside the session's transfer scope
		target.set(NearestSql.QUERY_PARAMETER, call.queryValue(),
				(call.queryValue() instanceof float[]) ? this.vectorType : null);
		NearestQueryBinder.bindCriteria(target, call.nearest().criteria(), call.criteria());
		NearestQueryBinder.bindThreshold(target, call.nearest(), call.threshold());
		NearestQueryBinder.bindExtra(target, call.extra());
		QueryScope.Condition scope = call.nearest().scope();
		if (scope != null) {
			scope.bind(session, (name, value) -> target.set(name, value, null));
		}
		target.set(NearestSql.LIMIT_PARAMETER, call.limit(), null);
		if (adaptive) {
			target.set(FilteredNearestSql.BOUND_PARAMETER, bound, null);
		}
	}

	private static <T> List<Nearest<T>> nearestOf(List<Object[]> rows, VectorAttribute attribute, boolean resort) {
		Metric metric = attribute.metric();
		List<Nearest<T>> result = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			double distance = (Double) row[1];
			result.add(nearest(row[0], distance, metric.score(distance, attribute.dimensions())));
		}
		if (resort) {
			// a relaxed-order iterative scan may return rows slightly out of distance order, and the outer join of
			// the adaptive statement promises no order (a stable sort: ties keep the database's order)
			result.sort(Comparator.comparingDouble(Nearest::distance));
		}
		return result;
	}

	/**
	 * Runs a search statement of another form (hybrid search) as an observed search on {@code attribute}, with the
	 * search defaults applied, on the session {@link VectorReadSessions} chooses.
	 */
	public <R> R search(VectorAttribute attribute, SearchOptions options, Function<Session, R> work) {
		SearchOptions effective = effective(options);
		return this.observations.search(this.entityName, attribute.metric(), attribute.indexType(),
				() -> this.sessions.read(effective, work));
	}

	/** The single {@code count(*)} value of {@code sql} with an extra condition's values bound. */
	public long count(String sql, QueryScope.@Nullable Condition scope, List<Object> extra) {
		return this.sessions.read(SearchOptions.none(), (session) -> {
			NativeQuery<Long> query = session.createNativeQuery(sql, Long.class);
			NearestQueryBinder.bindExtra(NearestQueryBinder.Target.of(query), extra);
			bindScope(query, scope, session);
			return query.getSingleResult();
		});
	}

	/** Binds the parameters of {@code scope} for a statement running on {@code session}. */
	public static void bindScope(NativeQuery<?> query, QueryScope.@Nullable Condition scope, Session session) {
		if (scope != null) {
			scope.bind(session, query::setParameter);
		}
	}

	/** Reports every search as a {@code vector-jpa.search} observation. */
	public void setObservations(VectorJpaObservations observations) {
		this.observations = observations;
	}

	@SuppressWarnings("unchecked")
	private static <T> Nearest<T> nearest(Object entity, double distance, double score) {
		return new Nearest<>((T) entity, distance, score);
	}

	/**
	 * Checks the number of neighbours a search asks for.
	 * @throws IllegalArgumentException when it is less than 1
	 */
	public static void checkLimit(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("The number of nearest neighbours must be at least 1, got " + limit);
		}
	}

	/** {@code options} with this executor's search defaults where they set nothing. */
	public SearchOptions effective(SearchOptions options) {
		return (options == SearchOptions.none()) ? this.defaults : options.withDefaults(this.defaults);
	}

}
