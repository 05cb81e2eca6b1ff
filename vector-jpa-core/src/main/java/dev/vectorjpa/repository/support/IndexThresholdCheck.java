package dev.vectorjpa.repository.support;

import java.util.function.Consumer;

import dev.vectorjpa.index.IndexWorkAfterCommit;
import dev.vectorjpa.index.VectorIndexManager;

/**
 * After a bulk insert, has {@link VectorIndexManager#onRowsAdded(Class)} build the entity's declared IVFFlat indexes
 * that have reached min-rows, once the rows are committed ({@link IndexWorkAfterCommit}: the manager counts and builds
 * on connections of its own). Entities without a declared IVFFlat index need no check and take no connection.
 */
final class IndexThresholdCheck implements Consumer<Class<?>> {

	private final VectorIndexManager indexManager;

	IndexThresholdCheck(VectorIndexManager indexManager) {
		this.indexManager = indexManager;
	}

	@Override
	public void accept(Class<?> entityType) {
		if (!this.indexManager.hasThresholdIndexes(entityType)) {
			return;
		}
		IndexWorkAfterCommit.run("IVFFlat threshold check after bulkInsert of " + entityType.getSimpleName(),
				() -> this.indexManager.onRowsAdded(entityType));
	}

}
