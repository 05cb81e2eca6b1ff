package dev.vectorjpa.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Creates the store's vector index when it is missing, safely when several instances try at once.
 */
// Replaced by VectorIndexManager once it lands
final class StoreIndexes {

	private static final Log logger = LogFactory.getLog(StoreIndexes.class);

	private final VectorStoreSettings settings;

	private final StoreSql sql;

	StoreIndexes(VectorStoreSettings settings, StoreSql sql) {
		this.settings = settings;
		this.sql = sql;
	}

	/** The definition of an index of {@code type}; unset parameters come from the settings, then the row count. */
	VectorIndexDefinition definition(Connection connection, IndexType type, IndexParams params, boolean concurrently)
			throws SQLException {
		if (type == IndexType.NONE) {
			throw new IllegalArgumentException("Index type NONE cannot be created; use HNSW or IVFFLAT");
		}
		@Nullable Integer m = null;
		@Nullable Integer efConstruction = null;
		@Nullable Integer lists = null;
		if (type == IndexType.HNSW) {
			m = first(params.m(), this.settings.hnswM());
			efConstruction = first(params.efConstruction(), this.settings.hnswEfConstruction());
		}
		else {
			lists = first(params.lists(), this.settings.ivfflatLists());
			if (lists == null) {
				lists = defaultLists(rows(connection));
			}
		}
		return new VectorIndexDefinition(this.settings.schema(), this.settings.table(),
				this.settings.column(StoreColumn.EMBEDDING), VectorType.VECTOR, this.settings.metric(), type, m,
				efConstruction, lists, concurrently, null, null);
	}

	/**
	 * Creates the index in the connection's transaction unless the catalog has it; a transaction-level advisory lock
	 * on the column makes concurrent instances wait and then find it.
	 * @return whether this call created it
	 */
	boolean createIfMissing(Connection connection, VectorIndexDefinition definition) throws SQLException {
		lock(connection, "SELECT pg_advisory_xact_lock(hashtext(?))");
		return createUnlessPresent(connection, definition);
	}

	/** Same as {@link #createIfMissing} for {@code CONCURRENTLY}, which needs auto-commit and a session lock. */
	boolean createConcurrentlyIfMissing(Connection connection, VectorIndexDefinition definition) throws SQLException {
		lock(connection, "SELECT pg_advisory_lock(hashtext(?))");
		try {
			return createUnlessPresent(connection, definition);
		}
		finally {
			lock(connection, "SELECT pg_advisory_unlock(hashtext(?))");
		}
	}

	/** Serialises DDL on the table across instances until the transaction ends. */
	void lockTable(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
			statement.setString(1, this.settings.schema() + "." + this.settings.table());
			statement.executeQuery().close();
		}
	}

	/** The number of rows of the whole table (an index covers every domain). */
	long rows(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(this.sql.countAll)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** IVFFlat lists: rows / 1000 (at least 10) up to a million rows, the square root of the rows beyond. */
	static int defaultLists(long rows) {
		long lists = (rows > 1_000_000) ? (long) Math.sqrt(rows) : Math.max(rows / 1000, 10);
		return (int) Math.min(lists, 32768);
	}

	private boolean createUnlessPresent(Connection connection, VectorIndexDefinition definition) throws SQLException {
		try (PreparedStatement exists = connection
			.prepareStatement("SELECT 1 FROM pg_indexes WHERE schemaname = ? AND indexname = ?")) {
			exists.setString(1, this.settings.schema());
			exists.setString(2, definition.indexName());
			try (ResultSet rs = exists.executeQuery()) {
				if (rs.next()) {
					return false;
				}
			}
		}
		long start = System.nanoTime();
		logger.info("Creating vector index " + definition.indexName() + " on " + this.sql.qualifiedTable);
		try (Statement statement = connection.createStatement()) {
			statement.execute(definition.createSql());
		}
		logger.info("Created vector index " + definition.indexName() + " in "
				+ (System.nanoTime() - start) / 1_000_000 + " ms");
		return true;
	}

	private void lock(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, this.settings.schema() + "." + this.settings.table() + "."
					+ this.settings.column(StoreColumn.EMBEDDING));
			statement.executeQuery().close();
		}
	}

	private static @Nullable Integer first(OptionalInt given, OptionalInt configured) {
		OptionalInt value = given.isPresent() ? given : configured;
		return value.isPresent() ? value.getAsInt() : null;
	}

}
