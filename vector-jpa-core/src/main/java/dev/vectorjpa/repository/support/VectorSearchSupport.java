package dev.vectorjpa.repository.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.vectorjpa.observation.VectorJpaObservations;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.query.NearestQueryExecutor;
import dev.vectorjpa.repository.query.QueryScope;
import jakarta.persistence.EntityManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the fragment and the derived queries of one repository factory share: the entity manager, search defaults,
 * query scope and transaction manager, and one executor per entity type.
 */
final class VectorSearchSupport {

	private final EntityManager entityManager;

	private final SearchOptions defaults;

	private final QueryScope scope;

	private final Supplier<PlatformTransactionManager> transactionManager;

	private final Map<Class<?>, NearestQueryExecutor> executors = new ConcurrentHashMap<>();

	private final Map<Class<?>, EntityBulkInsert<?>> bulkInserts = new ConcurrentHashMap<>();

	private final Map<Class<?>, HybridSearch<?>> hybridSearches = new ConcurrentHashMap<>();

	private Consumer<Class<?>> afterBulkInsert = (type) -> {
	};

	VectorSearchSupport(EntityManager entityManager, SearchOptions defaults, QueryScope scope,
			Supplier<PlatformTransactionManager> transactionManager) {
		this.entityManager = entityManager;
		this.defaults = defaults;
		// @DomainId entities are always restricted to the session's domain, whatever else the application scopes by
		this.scope = DomainQueryScope.of(entityManager, scope);
		this.transactionManager = transactionManager;
	}

	EntityManager entityManager() {
		return this.entityManager;
	}

	QueryScope scope() {
		return this.scope;
	}

	private VectorJpaObservations observations = VectorJpaObservations.noop();

	/** Reports searches and bulk inserts as observations. */
	void setObservations(VectorJpaObservations observations) {
		this.observations = observations;
	}

	/** Called with the entity type after each bulk insert (e.g. the IVFFlat row-threshold check). */
	void setAfterBulkInsert(Consumer<Class<?>> afterBulkInsert) {
		this.afterBulkInsert = afterBulkInsert;
	}

	@SuppressWarnings("unchecked")
	<T> EntityBulkInsert<T> bulkInsert(Class<T> entityType) {
		return (EntityBulkInsert<T>) this.bulkInserts.computeIfAbsent(entityType, (type) -> {
			EntityBulkInsert<T> bulkInsert = new EntityBulkInsert<>(entityType,
					this.entityManager.getEntityManagerFactory(), this.entityManager, this.transactionManager.get(),
					(inserted) -> this.afterBulkInsert.accept(inserted));
			bulkInsert.setObservations(this.observations);
			return bulkInsert;
		});
	}

	@SuppressWarnings("unchecked")
	<T> HybridSearch<T> hybrid(Class<T> entityType) {
		return (HybridSearch<T>) this.hybridSearches.computeIfAbsent(entityType,
				(type) -> new HybridSearch<>(entityType, this.entityManager.getEntityManagerFactory(),
						this.entityManager, this.scope, executor(entityType)));
	}

	NearestQueryExecutor executor(Class<?> entityType) {
		return this.executors.computeIfAbsent(entityType, (type) -> {
			NearestQueryExecutor executor = new NearestQueryExecutor(this.entityManager, type, this.defaults,
					this.transactionManager);
			executor.setObservations(this.observations);
			return executor;
		});
	}

}
