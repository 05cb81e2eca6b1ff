package dev.vectorjpa.repository.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.query.NearestQueryExecutor;
import dev.vectorjpa.repository.query.QueryScope;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
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

	private Supplier<@Nullable String> currentDomain = () -> null;

	private Consumer<Class<?>> afterBulkInsert = (type) -> {
	};

	VectorSearchSupport(EntityManager entityManager, SearchOptions defaults, QueryScope scope,
			Supplier<PlatformTransactionManager> transactionManager) {
		this.entityManager = entityManager;
		this.defaults = defaults;
		this.scope = scope;
		this.transactionManager = transactionManager;
	}

	EntityManager entityManager() {
		return this.entityManager;
	}

	QueryScope scope() {
		return this.scope;
	}

	/** Supplies the current domain written into {@code @DomainId} columns by bulk inserts. */
	void setCurrentDomain(Supplier<@Nullable String> currentDomain) {
		this.currentDomain = currentDomain;
	}

	/** Called with the entity type after each bulk insert (e.g. the IVFFlat row-threshold check). */
	void setAfterBulkInsert(Consumer<Class<?>> afterBulkInsert) {
		this.afterBulkInsert = afterBulkInsert;
	}

	@SuppressWarnings("unchecked")
	<T> EntityBulkInsert<T> bulkInsert(Class<T> entityType) {
		return (EntityBulkInsert<T>) this.bulkInserts.computeIfAbsent(entityType,
				(type) -> new EntityBulkInsert<>(entityType, this.entityManager.getEntityManagerFactory(),
						this.entityManager, this.transactionManager.get(), () -> this.currentDomain.get(),
						(inserted) -> this.afterBulkInsert.accept(inserted)));
	}

	@SuppressWarnings("unchecked")
	<T> HybridSearch<T> hybrid(Class<T> entityType) {
		return (HybridSearch<T>) this.hybridSearches.computeIfAbsent(entityType,
				(type) -> new HybridSearch<>(entityType, this.entityManager.getEntityManagerFactory(),
						this.entityManager, this.scope, this.transactionManager));
	}

	NearestQueryExecutor executor(Class<?> entityType) {
		return this.executors.computeIfAbsent(entityType, (type) -> new NearestQueryExecutor(this.entityManager, type,
				this.defaults, this.transactionManager));
	}

}
