package dev.vectorjpa.benchmarks.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The benchmark database: one Hikari pool on a dedicated schema ({@value #SCHEMA}, then {@code public} where the
 * extension lives) that every competitor shares, so that all of them pay the same pool and network costs.
 */
public final class BenchDatabase implements AutoCloseable {

	/** The schema every benchmark table lives in. */
	public static final String SCHEMA = "bench";

	private final String jdbcUrl;

	private final HikariDataSource pool;

	private final SqlCapture dataSource;

	private final int poolSize;

	private final Map<String, SqlCapture> isolated = new LinkedHashMap<>();

	/** Connects to {@code jdbcUrl} (a {@code jdbc:postgresql:} URL) and (re)creates the benchmark schema's search path. */
	public BenchDatabase(String jdbcUrl, int poolSize) throws SQLException {
		this.jdbcUrl = jdbcUrl;
		try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
			s.execute("CREATE EXTENSION IF NOT EXISTS vector");
			s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
		}
		this.poolSize = poolSize;
		this.pool = pool("bench");
		this.dataSource = new SqlCapture(this.pool);
	}

	private HikariDataSource pool(String name) {
		return pool(name, this.poolSize);
	}

	private HikariDataSource pool(String name, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(withSchema(this.jdbcUrl));
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(size);
		config.setAutoCommit(true);
		config.setPoolName(name);
		// Batched inserts are rewritten into multi-row INSERTs: the tuned JDBC setting the JPA baseline asks for.
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		return new HikariDataSource(config);
	}

	/**
	 * A pool of its own for a client that changes its connections: LangChain4j registers pgvector-java's types on
	 * every connection it uses ({@code PGvector.addVectorType}), after which pgjdbc receives vectors in binary on
	 * server-prepared statements. On the shared pool that would change how every other client reads vectors.
	 */
	public synchronized SqlCapture isolatedDataSource(String name) {
		return isolatedDataSource(name, this.poolSize);
	}

	/**
	 * A pool of its own holding {@code size} connections (clients that keep a connection per thread between calls,
	 * several of them at once); as {@link #isolatedDataSource(String)} otherwise.
	 */
	public synchronized SqlCapture isolatedDataSource(String name, int size) {
		return this.isolated.computeIfAbsent(name, (key) -> new SqlCapture(pool("bench-" + key, size)));
	}

	private static String withSchema(String url) {
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + ",public";
	}

	/** The JDBC URL as given. */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** The shared pool, wrapped to capture SQL on request. */
	public SqlCapture dataSource() {
		return this.dataSource;
	}

	/** Runs statements on a pooled connection. */
	public void execute(String... sql) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			for (String statement : sql) {
				s.execute(statement);
			}
		}
	}

	/** The rows of a query, each row as a list of strings. */
	public List<List<String>> query(String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			int n = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> row = new ArrayList<>(n);
				for (int i = 1; i <= n; i++) {
					row.add(rs.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/** The first column of the first row. */
	public String value(String sql) throws SQLException {
		List<List<String>> rows = query(sql);
		return rows.isEmpty() ? null : rows.get(0).get(0);
	}

	@Override
	public void close() {
		for (SqlCapture isolated : this.isolated.values()) {
			try {
				isolated.unwrap(HikariDataSource.class).close();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		this.pool.close();
	}

}
