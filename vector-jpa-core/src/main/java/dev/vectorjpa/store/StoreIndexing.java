package dev.vectorjpa.store;

import dev.vectorjpa.index.IndexInfo;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decides when the store's index is due and has {@link VectorIndexManager} build it; the manager works on
 * connections of its own, so every build waits until the caller's transaction has ended.
 */
final class StoreIndexing {

	private final VectorStoreSettings settings;

	private final VectorIndexManager manager;

	// Once the automatic index is known to exist there is nothing left to check after an add.
	private volatile boolean autoIndexPresent;

	StoreIndexing(VectorStoreSettings settings, VectorIndexManager manager) {
		this.settings = settings;
		this.manager = manager;
	}

	/** Builds the index unless it exists; unset parameters come from the store's settings, then the manager's. */
	boolean create(IndexType type, IndexParams params) {
		return this.manager.ensureIndex(definition(type, params));
	}

	/**
	 * After the table exists: an automatic HNSW index is built at once (it needs no data), or once the caller's
	 * transaction has ended; for an automatic IVFFlat index, whether it exists already.
	 */
	void afterInitialize() {
		VectorIndexSettings index = this.settings.index();
		if (!index.autoCreate() || index.defaultType() == IndexType.NONE) {
			return;
		}
		if (index.defaultType() == IndexType.IVFFLAT) {
			// once, so that the check after each add only asks the manager while the index is missing
			this.autoIndexPresent = exists(definition(IndexType.IVFFLAT, IndexParams.defaults()));
			return;
		}
		VectorIndexDefinition definition = definition(IndexType.HNSW, IndexParams.defaults());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// The build would wait on locks the caller's transaction may hold (and CONCURRENTLY for the transaction
			// itself): after it ends.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					build(definition);
				}
			});
			return;
		}
		build(definition);
	}

	/**
	 * After an add: an automatic IVFFlat index is built once the table holds min-rows rows, counted by the manager
	 * on its own connection, so only once the rows are committed.
	 * @param inOuterTransaction whether the add joined a caller's transaction
	 */
	void afterAdd(boolean inOuterTransaction) {
		if (this.autoIndexPresent || !this.settings.index().autoCreate()
				|| this.settings.index().defaultType() != IndexType.IVFFLAT) {
			return;
		}
		if (!inOuterTransaction) {
			checkIvfflat();
		}
		else if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					checkIvfflat();
				}
			});
		}
		// A transaction without synchronization: a build now would wait on its locks; a later add checks again.
	}

	private void checkIvfflat() {
		if (this.autoIndexPresent) {
			return;
		}
		VectorIndexDefinition definition = definition(IndexType.IVFFLAT, IndexParams.defaults());
		// false also when another instance built it meanwhile: the next check finds it in the catalog at once
		this.autoIndexPresent = this.manager.checkThreshold(definition);
	}

	private void build(VectorIndexDefinition definition) {
		this.manager.ensureIndex(definition);
		this.autoIndexPresent = true;
	}

	private boolean exists(VectorIndexDefinition definition) {
		for (IndexInfo index : this.manager.indexes(this.settings.schema(), this.settings.table())) {
			if (index.valid() && index.name().equals(definition.indexName())) {
				return true;
			}
		}
		return false;
	}

	private VectorIndexDefinition definition(IndexType type, IndexParams params) {
		VectorIndexSettings index = this.settings.index();
		IndexParams resolved = params;
		if (type == IndexType.HNSW && params.m().isEmpty()) {
			resolved = IndexParams.hnsw(index.hnswM(), index.hnswEfConstruction());
		}
		else if (type == IndexType.IVFFLAT && params.lists().isEmpty() && index.ivfflatLists() != null) {
			resolved = IndexParams.ivfflat(index.ivfflatLists());
		}
		VectorIndexDefinition definition = this.manager.definition(this.settings.schema(), this.settings.table(),
				this.settings.column(StoreColumn.EMBEDDING), VectorType.VECTOR, this.settings.dimensions(),
				this.settings.metric(), type, resolved);
		if (definition.concurrently() == index.concurrently()) {
			return definition;
		}
		// A shared manager: the store's own concurrently setting still decides for its table.
		return new VectorIndexDefinition(definition.schema(), definition.table(), definition.column(),
				definition.vectorType(), definition.metric(), definition.type(), definition.m(),
				definition.efConstruction(), definition.lists(), index.concurrently(), definition.name(),
				definition.where());
	}

}
