package dev.vectorjpa.repository.query;

import java.util.ArrayList;
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
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
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

	private VectorJpaObservations observations = VectorJpaObservations.noop();

	private final String entityName;

	private final Class<?> entityType;

	private final SearchOptions defaults;

	private final VectorReadSessions sessions;

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
	public <T> List<Nearest<T>> search(NearestSql nearest, NearestSql.Text sql, String queryText, Object[] criteria,
			@Nullable Object threshold, int limit, SearchOptions options, List<Object> extra) {
		if (limit < 1) {
			throw new IllegalArgumentException("The number of nearest neighbours must be at least 1, got " + limit);
		}
		SearchOptions effective = effective(options);
		String text = sql.sql(effective.exact());
		VectorAttribute attribute = nearest.attribute();
		return search(attribute, effective, (session) -> {
			NativeQuery<Object[]> query = session.createNativeQuery(text, Object[].class);
			query.addEntity(EntityColumns.ROOT_ALIAS, this.entityType)
				.addScalar(NearestSql.DISTANCE_COLUMN, StandardBasicTypes.DOUBLE);
			query.setParameter(NearestSql.QUERY_PARAMETER, queryText);
			NearestQueryBinder.bindCriteria(query, nearest.criteria(), criteria);
			NearestQueryBinder.bindThreshold(query, nearest, threshold);
			NearestQueryBinder.bindExtra(query, extra);
			bindScope(query, nearest.scope(), session);
			query.setParameter(NearestSql.LIMIT_PARAMETER, limit);
			List<Object[]> rows = query.getResultList();
			Metric metric = attribute.metric();
			List<Nearest<T>> result = new ArrayList<>(rows.size());
			for (Object[] row : rows) {
				double distance = (Double) row[1];
				result.add(nearest(row[0], distance, metric.score(distance, attribute.dimensions())));
			}
			return result;
		});
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
			NearestQueryBinder.bindExtra(query, extra);
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

	private SearchOptions effective(SearchOptions options) {
		return (options == SearchOptions.none()) ? this.defaults : options.withDefaults(this.defaults);
	}

}
