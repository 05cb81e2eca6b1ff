package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.vectorjpa.observation.VectorJpaObservations;

import dev.vectorjpa.jdbc.AdvisoryLocks;
import dev.vectorjpa.jdbc.PgVectorExtension;
import dev.vectorjpa.mapping.IndexType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Creates, drops and rebuilds one index at a time, safely across instances: the catalog is checked under an advisory
 * lock keyed on {@code schema.table.column}, so that of several instances starting together exactly one builds.
 */
final class IndexBuilder {

	private static final Log logger = LogFactory.getLog(VectorIndexManager.class);

	// pgvector < 0.8.2 can corrupt HNSW indexes built with parallel workers (fixed in 0.8.2).
	private static final String PARALLEL_HNSW_FIXED_IN = "0.8.2";

	private final DataSource dataSource;

	private final VectorIndexSettings settings;

	private volatile @Nullable Consumer<IndexBuildProgress> progressListener;

	private volatile @Nullable Boolean parallelHnswBroken;

	private VectorJpaObservations observations = VectorJpaObservations.noop();

	void setObservations(VectorJpaObservations observations) {
		this.observations = observations;
	}

	IndexBuilder(DataSource dataSource, VectorIndexSettings settings) {
		this.dataSource = dataSource;
		this.settings = settings;
	}

	void setProgressListener(@Nullable Consumer<IndexBuildProgress> progressListener) {
		this.progressListener = progressListener;
	}

	/** Builds the index unless a valid one of its name exists; an invalid one is dropped and rebuilt. */
	boolean ensure(VectorIndexDefinition definition) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			try {
				return definition.concurrently() ? ensureConcurrently(connection, definition)
						: ensureInTransaction(connection, definition);
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create index " + definition.indexName() + " on "
					+ definition.qualifiedTable() + ": " + ex.getMessage(), ex);
		}
	}

	private boolean ensureInTransaction(Connection connection, VectorIndexDefinition definition) throws SQLException {
		String schema = IndexCatalog.resolveSchema(connection, definition.schema());
		long key = lockKey(schema, definition);
		connection.setAutoCommit(false);
		try {
			// Polling pg_try_advisory_xact_lock rather than waiting in pg_advisory_xact_lock: a session blocked
			// inside a statement holds a snapshot, which a concurrent CREATE INDEX CONCURRENTLY would wait for.
			for (int attempt = 0; !AdvisoryLocks.tryLockForTransaction(connection, key); attempt++) {
				connection.rollback();
				pause(attempt);
			}
			Boolean valid = IndexCatalog.validity(connection, schema, definition.indexName());
			if (Boolean.TRUE.equals(valid)) {
				connection.commit();
				return false;
			}
			VectorIndexDefinition resolved = prepare(connection, schema, definition, valid);
			build(connection, resolved, true);
			connection.commit();
			return true;
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
	}

	private boolean ensureConcurrently(Connection connection, VectorIndexDefinition definition) throws SQLException {
		// CONCURRENTLY cannot run in a transaction block: a session-level lock on this dedicated connection.
		connection.setAutoCommit(true);
		String schema = IndexCatalog.resolveSchema(connection, definition.schema());
		long key = lockKey(schema, definition);
		for (int attempt = 0; !AdvisoryLocks.tryLockForSession(connection, key); attempt++) {
			pause(attempt);
		}
		try {
			Boolean valid = IndexCatalog.validity(connection, schema, definition.indexName());
			if (Boolean.TRUE.equals(valid)) {
				return false;
			}
			VectorIndexDefinition resolved = prepare(connection, schema, definition, valid);
			try {
				build(connection, resolved, false);
			}
			finally {
				execute(connection, "RESET maintenance_work_mem");
				execute(connection, "RESET max_parallel_maintenance_workers");
			}
			return true;
		}
		finally {
			AdvisoryLocks.unlockForSession(connection, key);
		}
	}

	/** The definition to build, its IVFFlat lists resolved; an INVALID index of its name is dropped first. */
	private VectorIndexDefinition prepare(Connection connection, String schema, VectorIndexDefinition definition,
			@Nullable Boolean valid) throws SQLException {
		VectorIndexDefinition resolved = resolveLists(connection, definition);
		if (valid != null) {
			logger.warn("Index " + schema + "." + definition.indexName() + " is INVALID (a failed CONCURRENTLY "
					+ "build?): dropping and rebuilding it");
			execute(connection, definition.dropSql());
		}
		return resolved;
	}

	/**
	 * The one place where an index is built, with the session settings for the build and progress reporting.
	 * @param local whether settings apply to the enclosing transaction only ({@code SET LOCAL})
	 */
	void build(Connection connection, VectorIndexDefinition definition, boolean local) throws SQLException {
		if (this.settings.maintenanceWorkMem() != null) {
			setConfig(connection, "maintenance_work_mem", this.settings.maintenanceWorkMem(), local);
		}
		if (definition.type() == IndexType.HNSW && parallelHnswBroken(connection)) {
			setConfig(connection, "max_parallel_maintenance_workers", "0", local);
		}
		int pid;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			pid = rs.getInt(1);
		}
		long start = System.nanoTime();
		SQLException[] failure = { null };
		this.observations.indexBuild(definition.table(), definition.metric(), definition.type(), () -> {
			try (BuildProgressMonitor monitor = BuildProgressMonitor.start(this.dataSource, pid,
					definition.indexName(), this.settings.progressInterval(), this.progressListener)) {
				execute(connection, definition.createSql());
			}
			catch (SQLException ex) {
				failure[0] = ex;
				throw new IllegalStateException(ex.getMessage(), ex);
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		logger.info("Built index " + definition.indexName() + " on " + definition.qualifiedTable() + " in "
				+ (System.nanoTime() - start) / 1_000_000 + " ms");
	}

	/** Drops the index if it exists; returns whether it did. */
	boolean drop(VectorIndexDefinition definition) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				boolean existed = IndexCatalog.validity(connection, definition.schema(), definition.indexName()) != null;
				execute(connection, definition.dropSql());
				return existed;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop index " + definition.indexName() + ": " + ex.getMessage(),
					ex);
		}
	}

	/** Rebuilds an existing index. */
	void reindex(@Nullable String schema, String indexName, boolean concurrently) {
		String sql = VectorIndexDefinition.reindexSql(schema, indexName, concurrently);
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				if (IndexCatalog.validity(connection, schema, indexName) == null) {
					throw new IllegalArgumentException("No index " + indexName + " in schema "
							+ IndexCatalog.resolveSchema(connection, schema));
				}
				execute(connection, sql);
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not reindex " + indexName + ": " + ex.getMessage(), ex);
		}
	}

	private VectorIndexDefinition resolveLists(Connection connection, VectorIndexDefinition definition)
			throws SQLException {
		if (definition.type() != IndexType.IVFFLAT || definition.lists() != null) {
			return definition;
		}
		long rows = IndexCatalog.rowCount(connection, definition.schema(), definition.table(),
				definition.qualifiedTable());
		return definition.withLists(VectorIndexManager.defaultLists(rows));
	}

	private boolean parallelHnswBroken(Connection connection) throws SQLException {
		Boolean broken = this.parallelHnswBroken;
		if (broken == null) {
			String version = PgVectorExtension.installedVersion(connection).orElse(null);
			broken = version != null && !PgVectorExtension.isAtLeast(version, PARALLEL_HNSW_FIXED_IN);
			if (broken) {
				// Once per manager: it holds for every HNSW build on this server.
				logger.info("pgvector " + version + " < 0.8.2: building HNSW indexes without parallel workers "
						+ "(max_parallel_maintenance_workers = 0), as parallel HNSW builds in these versions have a "
						+ "known bug");
			}
			this.parallelHnswBroken = broken;
		}
		return broken;
	}

	/** The advisory lock key of an index: {@code vector-jpa:index:schema.table.column}. */
	static long lockKey(String schema, VectorIndexDefinition definition) {
		return AdvisoryLocks.key("vector-jpa:index:" + schema + "." + definition.table() + "." + definition.column());
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(Math.min(500, 20L << Math.min(attempt, 5)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for another instance's index build", ex);
		}
	}

	private static void setConfig(Connection connection, String name, String value, boolean local)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, ?)")) {
			statement.setString(1, name);
			statement.setString(2, value);
			statement.setBoolean(3, local);
			statement.execute();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
