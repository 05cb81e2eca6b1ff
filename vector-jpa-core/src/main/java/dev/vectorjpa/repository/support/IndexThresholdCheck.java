package dev.vectorjpa.repository.support;

import java.util.function.Consumer;

import dev.vectorjpa.index.VectorIndexManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * After a bulk insert, has {@link VectorIndexManager#onRowsAdded(Class)} build the entity's declared IVFFlat indexes
 * that have reached min-rows: once the surrounding transaction commits, since the manager counts and builds on
 * connections of its own (it would not see uncommitted rows, and its build would wait on the insert's locks).
 */
final class IndexThresholdCheck implements Consumer<Class<?>> {

	private final VectorIndexManager indexManager;

	IndexThresholdCheck(VectorIndexManager indexManager) {
		this.indexManager = indexManager;
	}

	@Override
	public void accept(Class<?> entityType) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.indexManager.onRowsAdded(entityType);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				IndexThresholdCheck.this.indexManager.onRowsAdded(entityType);
			}
		});
	}

}
