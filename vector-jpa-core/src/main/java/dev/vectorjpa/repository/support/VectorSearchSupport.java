package dev.vectorjpa.repository.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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

	NearestQueryExecutor executor(Class<?> entityType) {
		return this.executors.computeIfAbsent(entityType, (type) -> new NearestQueryExecutor(this.entityManager, type,
				this.defaults, this.transactionManager));
	}

}
