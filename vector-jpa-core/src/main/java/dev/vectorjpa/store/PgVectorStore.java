package dev.vectorjpa.store;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.vectorjpa.hibernate.VectorTextFormatter;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.jdbc.AdvisoryLocks;
import dev.vectorjpa.jdbc.JsonValues;
import dev.vectorjpa.jdbc.MetadataFilterSql;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.repository.MetadataFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;

/**
 * The PostgreSQL {@link VectorStore}: one table of the reference backend's schema, reached through a
 * {@link DataSource}; each call joins the Spring-managed transaction when there is one, else runs in its own.
 * <p>
 * The table (and its schema) is created on {@link #initialize()} or the first call when auto-creation is on; the
 * vector index is built by a {@link VectorIndexManager}. The store is thread-safe: all SQL is prepared in the
 * constructor and it keeps no per-call state.
 *
 * @since 0.1
 */
public class PgVectorStore implements VectorStore, InitializingBean {

	private final VectorStoreSettings settings;

	private final StoreSql sql;

	private final StoreTransactions transactions;

	private final StoreRows rows;

	private final StoreIndexing indexing;

	private final StoreReads reads;

	private volatile boolean initialized;

	/**
	 * A store over {@code dataSource} configured by {@code settings}, with an index manager of its own following the
	 * settings' index options; no SQL runs until the first call.
	 */
	public PgVectorStore(DataSource dataSource, VectorStoreSettings settings) {
		this(dataSource, settings, (dataSource != null && settings != null)
				? new VectorIndexManager(dataSource, settings.index()) : null);
	}

	/**
	 * A store whose index is built by {@code indexManager} (e.g. the application's shared one, for its build
	 * settings and progress listener); the store's settings still give the index type, parameters, min-rows and
	 * {@code concurrently}, and the manager must apply the same min-rows when the store creates an IVFFlat index
	 * automatically.
	 */
	public PgVectorStore(DataSource dataSource, VectorStoreSettings settings, VectorIndexManager indexManager) {
		if (dataSource == null || settings == null || indexManager == null) {
			throw new IllegalArgumentException("PgVectorStore needs a DataSource, VectorStoreSettings and a "
					+ "VectorIndexManager");
		}
		if (settings.index().autoCreate() && settings.index().defaultType() == IndexType.IVFFLAT
				&& indexManager.settings().minRows() != settings.index().minRows()) {
			throw new IllegalArgumentException("The store creates its IVFFlat index from " + settings.index().minRows()
					+ " rows but the VectorIndexManager's min-rows is " + indexManager.settings().minRows()
					+ ": configure both with the same vector-jpa.index.min-rows");
		}
		this.settings = settings;
		this.sql = new StoreSql(settings);
		this.transactions = new StoreTransactions(dataSource);
		this.rows = new StoreRows(settings, this.sql);
		this.indexing = new StoreIndexing(settings, indexManager);
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
			if (this.settings.autoCreateTable()) {
				// On a connection of its own: a caller's transaction that rolls back must not take the table with it.
				this.transactions.executeSeparately("initialize vector store", (connection) -> {
					try (Statement statement = connection.createStatement()) {
						// Instances starting together would otherwise race on the catalog (duplicate pg_type rows).
						AdvisoryLocks.lockForTransaction(connection,
								"vector-jpa:store:" + this.settings.schema() + "." + this.settings.table());
						statement.execute(this.sql.createSchema);
						statement.execute(this.sql.createTable);
					}
					return null;
				});
			}
			this.indexing.afterInitialize();
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
		boolean inOuterTransaction = this.transactions.execute("add vectors", (connection) -> {
			this.rows.write(connection, prepared);
			return this.transactions.inOuterTransaction(connection);
		});
		this.indexing.afterAdd(inOuterTransaction);
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
				VectorTextFormatter.pgObject("vector", query), parameters, k));
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
		this.indexing.create(type, given);
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
