package dev.vectorjpa.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.pgvector.PGvector;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.jdbc.JsonValues;
import dev.vectorjpa.jdbc.MetadataFilterSql;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.repository.MetadataFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The PostgreSQL {@link VectorStore}: one table of the reference backend's schema, reached through a
 * {@link DataSource}; each call joins the Spring-managed transaction when there is one, else runs in its own.
 * <p>
 * The table (and its schema) is created on {@link #initialize()} or the first call when auto-creation is on. The
 * store is thread-safe: all SQL is prepared in the constructor and it keeps no per-call state.
 *
 * @since 0.1
 */
public class PgVectorStore implements VectorStore, InitializingBean {

	private final VectorStoreSettings settings;

	private final StoreSql sql;

	private final StoreTransactions transactions;

	private final StoreRows rows;

	private final StoreIndexes indexes;

	private final StoreReads reads;

	private volatile boolean initialized;

	// Once the auto-created index is known to exist there is nothing left to check after an add.
	private volatile boolean autoIndexPresent;

	/** A store over {@code dataSource} configured by {@code settings}; no SQL runs until the first call. */
	public PgVectorStore(DataSource dataSource, VectorStoreSettings settings) {
		if (dataSource == null || settings == null) {
			throw new IllegalArgumentException("PgVectorStore needs a DataSource and VectorStoreSettings");
		}
		this.settings = settings;
		this.sql = new StoreSql(settings);
		this.transactions = new StoreTransactions(dataSource);
		this.rows = new StoreRows(settings, this.sql);
		this.indexes = new StoreIndexes(settings, this.sql);
		this.reads = new StoreReads(settings, this.sql);
	}

	/** The settings of this store. */
	public VectorStoreSettings getSettings() {
		return this.settings;
	}

	/** Creates schema and table when auto-creation is on, and an automatic HNSW index; safe to call again. */
	public void initialize() {
		if (this.initialized) {
			return;
		}
		synchronized (this) {
			if (this.initialized) {
				return;
			}
			boolean hnsw = this.settings.autoCreateIndex() && this.settings.indexType() == IndexType.HNSW;
			// On a connection of its own: a caller's transaction that rolls back must not take the table with it.
			this.transactions.executeSeparately("initialize vector store", (connection) -> {
				if (this.settings.autoCreateTable()) {
					try (Statement statement = connection.createStatement()) {
						// Instances starting together would otherwise race on the catalog (duplicate pg_type rows).
						this.indexes.lockTable(connection);
						statement.execute(this.sql.createSchema);
						statement.execute(this.sql.createTable);
					}
				}
				if (hnsw && !this.settings.concurrently()) {
					this.indexes.createIfMissing(connection,
							this.indexes.definition(connection, IndexType.HNSW, IndexParams.defaults(), false));
				}
				return null;
			});
			if (hnsw && this.settings.concurrently()) {
				createIndex(IndexType.HNSW, IndexParams.defaults(), true);
			}
			this.autoIndexPresent = hnsw;
			this.initialized = true;
		}
	}

	@Override
	public void afterPropertiesSet() {
		initialize();
	}

	@Override
	public List<Object> add(List<float[]> vectors, @Nullable List<?> ids,
			@Nullable List<Map<String, Object>> metadata) {
		requireList(vectors, "vectors");
		requireSameSize(vectors, ids, "ids");
		requireSameSize(vectors, metadata, "metadata");
		List<VectorDocument> documents = new ArrayList<>(vectors.size());
		for (int i = 0; i < vectors.size(); i++) {
			this.rows.checkVector(i, vectors.get(i));
			Map<String, Object> meta = (metadata != null && metadata.get(i) != null) ? metadata.get(i) : Map.of();
			Object id = (ids != null) ? StoreIds.convert(this.settings.idType(), ids.get(i), i) : null;
			documents.add(new VectorDocument(id, vectors.get(i), null, meta, null, null));
		}
		return add(documents);
	}

	@Override
	public List<Object> add(List<VectorDocument> documents) {
		requireList(documents, "documents");
		List<StoreRows.Row> prepared = this.rows.prepare(documents);
		if (prepared.isEmpty()) {
			return List.of();
		}
		initialize();
		long total = this.transactions.execute("add vectors", (connection) -> {
			this.rows.write(connection, prepared);
			return needsIvfflatCheck() ? this.indexes.rows(connection) : 0L;
		});
		autoCreateIndex(total);
		List<Object> stored = new ArrayList<>(prepared.size());
		for (StoreRows.Row row : prepared) {
			stored.add(row.id());
		}
		return Collections.unmodifiableList(stored);
	}

	@Override
	public List<Match> search(float[] query, int k) {
		return search(query, k, null);
	}

	@Override
	public List<Match> search(float[] query, int k, @Nullable MetadataFilter filter) {
		this.rows.checkVector(0, query);
		if (k < 1) {
			throw new IllegalArgumentException("k must be at least 1, got " + k);
		}
		List<Object> parameters = new ArrayList<>();
		String statement = this.sql.search;
		if (filter != null) {
			statement = this.sql.searchFilteredPrefix
					+ MetadataFilterSql.render(filter, this.sql.metadataColumn, parameters) + this.sql.searchSuffix;
		}
		initialize();
		String sqlText = statement;
		return this.transactions.read("search vectors", (connection) -> this.reads.search(connection, sqlText,
				new PGvector(query), parameters, k));
	}

	@Override
	public List<StoredVector> get(List<?> ids, boolean includeMetadata) {
		requireList(ids, "ids");
		Object[] converted = StoreIds.convertAll(this.settings.idType(), ids);
		if (converted.length == 0) {
			return List.of();
		}
		initialize();
		Map<Object, StoredVector> found = this.transactions.read("get vectors",
				(connection) -> this.reads.get(connection, converted, includeMetadata));
		List<StoredVector> result = new ArrayList<>(converted.length);
		for (Object id : converted) {
			StoredVector vector = found.get(id);
			if (vector != null) {
				result.add(vector);
			}
		}
		return result;
	}

	@Override
	public int updateMetadata(List<?> ids, List<Map<String, Object>> metadata) {
		requireList(ids, "ids");
		requireList(metadata, "metadata");
		requireSameSize(ids, metadata, "metadata");
		Object[] converted = StoreIds.convertAll(this.settings.idType(), ids);
		String[] json = new String[metadata.size()];
		for (int i = 0; i < json.length; i++) {
			json[i] = JsonValues.write((metadata.get(i) != null) ? metadata.get(i) : Map.of());
		}
		if (converted.length == 0) {
			return 0;
		}
		initialize();
		return this.transactions.execute("update vector metadata", (connection) -> {
			try (PreparedStatement update = connection.prepareStatement(this.sql.updateMetadata)) {
				for (int i = 0; i < converted.length; i++) {
					update.setString(1, json[i]);
					update.setObject(2, converted[i]);
					if (this.settings.domain() != null) {
						update.setString(3, this.settings.domain());
					}
					update.addBatch();
				}
				int updated = 0;
				for (int count : update.executeBatch()) {
					updated += Math.max(count, 0);
				}
				return updated;
			}
		});
	}

	@Override
	public int delete(List<?> ids) {
		requireList(ids, "ids");
		Object[] converted = StoreIds.convertAll(this.settings.idType(), ids);
		if (converted.length == 0) {
			return 0;
		}
		initialize();
		return this.transactions.execute("delete vectors", (connection) -> {
			try (PreparedStatement delete = connection.prepareStatement(this.sql.delete)) {
				delete.setArray(1, StoreIds.array(connection, this.settings.idType(), converted));
				if (this.settings.domain() != null) {
					delete.setString(2, this.settings.domain());
				}
				return delete.executeUpdate();
			}
		});
	}

	@Override
	public long count() {
		initialize();
		return this.transactions.read("count vectors",
				(connection) -> this.reads.count(connection, this.sql.count, List.of()));
	}

	@Override
	public long count(MetadataFilter filter) {
		if (filter == null) {
			return count();
		}
		List<Object> parameters = new ArrayList<>();
		String statement = this.sql.countFilteredPrefix
				+ MetadataFilterSql.render(filter, this.sql.metadataColumn, parameters);
		initialize();
		return this.transactions.read("count vectors", (connection) -> this.reads.count(connection, statement,
				parameters));
	}

	@Override
	public long clear() {
		initialize();
		return this.transactions.execute("clear vectors", (connection) -> {
			try (PreparedStatement clear = connection.prepareStatement(this.sql.clear)) {
				if (this.settings.domain() != null) {
					clear.setString(1, this.settings.domain());
				}
				return (long) clear.executeUpdate();
			}
		});
	}

	@Override
	public void createIndex(IndexType type, IndexParams params) {
		if (type == null || type == IndexType.NONE) {
			throw new IllegalArgumentException("createIndex needs HNSW or IVFFLAT, got " + type);
		}
		IndexParams given = (params != null) ? params : IndexParams.defaults();
		initialize();
		createIndex(type, given, this.settings.concurrently());
	}

	private boolean createIndex(IndexType type, IndexParams params, boolean concurrently) {
		if (!concurrently) {
			return this.transactions.execute("create vector index", (connection) -> {
				VectorIndexDefinition definition = this.indexes.definition(connection, type, params, false);
				return this.indexes.createIfMissing(connection, definition);
			});
		}
		return this.transactions.executeAutoCommit("create vector index concurrently", (connection) -> {
			VectorIndexDefinition definition = this.indexes.definition(connection, type, params, true);
			return this.indexes.createConcurrentlyIfMissing(connection, definition);
		});
	}

	private boolean needsIvfflatCheck() {
		return this.settings.autoCreateIndex() && this.settings.indexType() == IndexType.IVFFLAT
				&& !this.autoIndexPresent;
	}

	// HNSW at once; IVFFlat once the table holds min-rows rows (its lists are trained on the data present).
	private void autoCreateIndex(long rowsInTable) {
		if (this.autoIndexPresent || !this.settings.autoCreateIndex()) {
			return;
		}
		IndexType type = this.settings.indexType();
		if (type == IndexType.NONE || (type == IndexType.IVFFLAT && rowsInTable < this.settings.minRowsForIndex())) {
			return;
		}
		boolean concurrently = this.settings.concurrently();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			if (!concurrently) {
				createIndex(type, IndexParams.defaults(), false);
			}
			// Known to exist only once the caller's transaction commits; CONCURRENTLY cannot run inside it at all.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					if (concurrently) {
						createIndex(type, IndexParams.defaults(), true);
					}
					PgVectorStore.this.autoIndexPresent = true;
				}
			});
			return;
		}
		createIndex(type, IndexParams.defaults(), concurrently);
		this.autoIndexPresent = true;
	}

	private static void requireList(@Nullable List<?> list, String name) {
		if (list == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
	}

	private static void requireSameSize(List<?> vectors, @Nullable List<?> other, String name) {
		if (other != null && other.size() != vectors.size()) {
			throw new IllegalArgumentException(name + " has " + other.size() + " elements but there are "
					+ vectors.size() + " vectors");
		}
	}

}
