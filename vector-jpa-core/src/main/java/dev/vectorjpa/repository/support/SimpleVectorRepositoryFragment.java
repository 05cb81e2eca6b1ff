package dev.vectorjpa.repository.support;

import java.util.List;
import java.util.Objects;

import dev.vectorjpa.embedding.EmbeddingTarget;
import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.EntityEmbeddings;
import dev.vectorjpa.hibernate.MappedAttribute;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.repository.HybridOptions;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;
import dev.vectorjpa.repository.query.FilteredNearestSql;
import dev.vectorjpa.repository.query.MetadataFilterCondition;
import dev.vectorjpa.repository.query.NearestQueryCreator;
import dev.vectorjpa.repository.query.NearestQueryExecutor;
import dev.vectorjpa.repository.query.NearestSpecificationQuery;
import dev.vectorjpa.repository.query.NearestSql;
import dev.vectorjpa.repository.query.QueryScope;
import dev.vectorjpa.repository.query.QueryVectors;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/**
 * The implementation of {@link VectorRepository}'s own methods, contributed as a repository fragment to every
 * repository extending it. SQL is rendered when the repository is created; calls only bind and execute.
 *
 * @param <T> the entity type
 * @since 0.1
 */
public class SimpleVectorRepositoryFragment<T> {

	private static final Object[] NO_CRITERIA = {};

	private final Class<T> domainType;

	private final NearestQueryExecutor executor;

	private final @Nullable NearestSql nearest;

	private final NearestSql.@Nullable Text nearestSql;

	private final @Nullable RuntimeException nearestProblem;

	private final @Nullable String metadataColumn;

	private final NearestQueryCreator.CountSql count;

	private final VectorSearchSupport support;

	private final @Nullable NearestSpecificationQuery<T> specificationQuery;

	// a scope of the application's own is native SQL, which a Specification's Criteria query cannot include
	private final boolean configuredScope;

	private final EntityManagerFactory entityManagerFactory;

	/**
	 * A fragment for {@code domainType}, created by {@link VectorRepositoryFragmentsContributor}.
	 * @throws IllegalArgumentException when the entity has no {@code @VectorColumn} attribute
	 */
	SimpleVectorRepositoryFragment(Class<T> domainType, VectorSearchSupport support) {
		this.support = support;
		this.domainType = domainType;
		this.executor = support.executor(domainType);
		EntityManagerFactory entityManagerFactory = support.entityManager().getEntityManagerFactory();
		this.entityManagerFactory = entityManagerFactory;
		QueryScope scope = support.scope();
		VectorEntityMetadata metadata = VectorEntityMetadata.of(entityManagerFactory, domainType);
		if (metadata.vectorAttributes().isEmpty()) {
			throw new IllegalArgumentException(domainType.getSimpleName()
					+ " has no @VectorColumn attribute, so a VectorRepository cannot search it");
		}
		NearestQueryCreator creator = null;
		NearestSql sql = null;
		RuntimeException problem = null;
		try {
			creator = new NearestQueryCreator(EntityColumns.of(entityManagerFactory, domainType),
					metadata.vectorAttribute(null), scope);
			sql = creator.create(null, NearestSql.Threshold.NONE);
		}
		catch (IllegalArgumentException ex) {
			// several vector attributes: the inherited findNearest cannot choose; derived methods use @NearestTo
			problem = new IllegalStateException(ex.getMessage() + "; the inherited findNearest methods cannot "
					+ "be used, declare findNearest methods annotated with @NearestTo instead", ex);
		}
		this.nearest = sql;
		this.specificationQuery = (sql != null) ? new NearestSpecificationQuery<>(domainType, sql.attribute()) : null;
		this.configuredScope = DomainQueryScope.configured(scope)
			.condition(EntityColumns.of(entityManagerFactory, domainType)) != null;
		this.nearestSql = (sql != null) ? FilteredNearestSql.of(sql) : null;
		this.nearestProblem = problem;
		MappedAttribute metadataAttribute = metadata.metadata();
		this.metadataColumn = (metadataAttribute != null) ? EntityColumns.ROOT_ALIAS + "." + metadataAttribute.column()
				: null;
		this.count = ((creator != null) ? creator
				: new NearestQueryCreator(EntityColumns.of(entityManagerFactory, domainType),
						metadata.vectorAttributes().get(0), scope))
			.createCount();
	}

	/** See {@link VectorRepository#findNearest(float[], int)}. */
	public List<Nearest<T>> findNearest(float[] query, int k) {
		return findNearest(query, k, SearchOptions.none());
	}

	/** See {@link VectorRepository#findNearest(float[], int, SearchOptions)}. */
	public List<Nearest<T>> findNearest(float[] query, int k, SearchOptions options) {
		NearestSql sql = nearest();
		return this.executor.search(sql, this.nearestSql, QueryVectors.toBindValue(query, sql.attribute()), NO_CRITERIA,
				null, k, options(options), List.of());
	}

	/** See {@link VectorRepository#findNearest(float[], int, MetadataFilter)}. */
	public List<Nearest<T>> findNearest(float[] query, int k, MetadataFilter filter) {
		return findNearest(query, k, filter, SearchOptions.none());
	}

	/** See {@link VectorRepository#findNearest(float[], int, MetadataFilter, SearchOptions)}. */
	public List<Nearest<T>> findNearest(float[] query, int k, MetadataFilter filter, SearchOptions options) {
		NearestSql sql = nearest();
		MetadataFilterCondition condition = MetadataFilterCondition.of(filter, metadataColumn());
		return this.executor.search(sql, FilteredNearestSql.of(sql, condition.sql()),
				QueryVectors.toBindValue(query, sql.attribute()), NO_CRITERIA, null, k, options(options),
				condition.values());
	}

	/** See {@link VectorRepository#findNearest(Specification, float[], int)}. */
	public List<Nearest<T>> findNearest(Specification<T> specification, float[] query, int k) {
		return findNearest(specification, query, k, SearchOptions.none());
	}

	/** See {@link VectorRepository#findNearest(Specification, float[], int, SearchOptions)}. */
	public List<Nearest<T>> findNearest(Specification<T> specification, float[] query, int k, SearchOptions options) {
		if (specification == null) {
			throw new IllegalArgumentException("Specification must not be null; use Specification.unrestricted()");
		}
		NearestQueryExecutor.checkLimit(k);
		if (this.configuredScope) {
			throw new UnsupportedOperationException("findNearest(Specification, ...) cannot apply the QueryScope "
					+ "configured for " + this.domainType.getSimpleName() + " (native SQL); add its restriction to the "
					+ "Specification");
		}
		NearestSpecificationQuery<T> search = nearestSpecification();
		// bad query vectors are rejected before any SQL, with the messages of the other searches
		QueryVectors.toText(query, search.attribute());
		SearchOptions effective = this.executor.effective(options(options));
		return this.executor.search(search.attribute(), effective,
				(session) -> search.execute(session, specification, query, k, effective.exact()));
	}

	/** See {@link VectorRepository#findNearest(String, int)}. */
	public List<Nearest<T>> findNearest(String text, int k) {
		return findNearest(embed(text, "findNearest"), k);
	}

	/** See {@link VectorRepository#findNearest(String, int, MetadataFilter)}. */
	public List<Nearest<T>> findNearest(String text, int k, MetadataFilter filter) {
		return findNearest(embed(text, "findNearest"), k, filter);
	}

	/** See {@link VectorRepository#count(MetadataFilter)}. */
	public long count(MetadataFilter filter) {
		MetadataFilterCondition condition = MetadataFilterCondition.of(filter, metadataColumn());
		return this.executor.count(this.count.sql(condition.sql()), this.count.scope(), condition.values());
	}

	/** See {@link VectorRepository#bulkInsert(Iterable)}. */
	public int bulkInsert(Iterable<? extends T> entities) {
		return this.support.bulkInsert(this.domainType).insert(entities);
	}

	/** See {@link VectorRepository#findHybrid(float[], String, int)}. */
	public List<Nearest<T>> findHybrid(float[] query, String text, int k) {
		return findHybrid(query, text, k, HybridOptions.defaults());
	}

	/** See {@link VectorRepository#findHybrid(float[], String, int, HybridOptions)}. */
	public List<Nearest<T>> findHybrid(float[] query, String text, int k, HybridOptions options) {
		return this.support.hybrid(this.domainType).search(query, text, k, options);
	}

	/** See {@link VectorRepository#findHybrid(String, int)}. */
	public List<Nearest<T>> findHybrid(String text, int k) {
		return findHybrid(text, k, HybridOptions.defaults());
	}

	/** See {@link VectorRepository#findHybrid(String, int, HybridOptions)}. */
	public List<Nearest<T>> findHybrid(String text, int k, HybridOptions options) {
		return findHybrid(embed(text, "findHybrid"), text, k, options);
	}

	private float[] embed(String text, String method) {
		VectorAttribute attribute = nearest().attribute();
		EntityEmbeddings embeddings = EntityEmbeddings.of(this.entityManagerFactory)
			.orElseThrow(() -> new IllegalStateException(method + "(String, …) of " + this.domainType.getSimpleName()
					+ " needs an embedding model to embed the query text, but none is configured: declare a "
					+ "Spring AI or LangChain4j EmbeddingModel bean, or a TextEmbedder bean"));
		return embeddings.embedQuery(new EmbeddingTarget(this.domainType, attribute.name(), attribute.dimensions()),
				text);
	}

	private NearestSql nearest() {
		if (this.nearest == null) {
			throw (this.nearestProblem != null) ? this.nearestProblem
					: new IllegalStateException("No nearest query for " + this.domainType.getSimpleName());
		}
		return this.nearest;
	}

	private NearestSpecificationQuery<T> nearestSpecification() {
		nearest();
		return Objects.requireNonNull(this.specificationQuery);
	}

	private String metadataColumn() {
		if (this.metadataColumn == null) {
			throw new IllegalArgumentException(this.domainType.getSimpleName() + " has no JSON metadata attribute "
					+ "(a Map<String, Object> mapped as JSON, or one annotated @MetadataColumn) to filter on");
		}
		return this.metadataColumn;
	}

	private static SearchOptions options(SearchOptions options) {
		if (options == null) {
			throw new IllegalArgumentException("SearchOptions must not be null; use SearchOptions.none()");
		}
		return options;
	}

}
