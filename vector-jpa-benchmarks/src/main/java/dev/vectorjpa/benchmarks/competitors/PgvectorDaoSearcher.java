package dev.vectorjpa.benchmarks.competitors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import com.pgvector.PGvector;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.run.Searcher;

/**
 * The ceiling of the real-text section: the DAO a careful developer writes with pgvector-java. Each connection gets
 * {@code PGvector.addVectorType} (pgjdbc then sends the query vector and, once the statement is server-prepared,
 * receives result vectors in pgvector's binary form) and keeps one {@link PreparedStatement} that every query on it
 * reuses; every column of every row is read, the vector as a {@code float[]}. Its connections come from a pool of
 * their own, because {@code addVectorType} changes them for every later user. With settings ({@code SET LOCAL ...}),
 * each query runs in a transaction that applies them first; {@link #close()} hands its connections back.
 */
public final class PgvectorDaoSearcher implements Searcher, AutoCloseable {

	private final String name;

	private final DataSource dataSource;

	private final String sql;

	private final Object[] whereParameters;

	private final List<String> settings;

	private final boolean resort;

	private final ConcurrentLinkedDeque<Session> idle = new ConcurrentLinkedDeque<>();

	/**
	 * A DAO running {@code sql} ({@code SELECT id, page, section, content, embedding, embedding <op> ? AS distance ...
	 * ORDER BY embedding <op> ? LIMIT ?}) with {@code whereParameters} bound between the two vectors.
	 */
	public PgvectorDaoSearcher(String name, DataSource dataSource, String sql, Object... whereParameters) {
		this(name, dataSource, sql, List.of(), false, whereParameters);
	}

	/**
	 * A DAO running {@code sql} as above, each query in a transaction that first runs {@code settings} (e.g.
	 * {@code SET LOCAL hnsw.iterative_scan = relaxed_order}; none: no transaction); with {@code resort}, the rows are
	 * sorted by their distance in Java (a relaxed-order iterative scan may return them slightly out of order).
	 */
	public PgvectorDaoSearcher(String name, DataSource dataSource, String sql, List<String> settings, boolean resort,
			Object[] whereParameters) {
		this.name = name;
		this.dataSource = dataSource;
		this.sql = sql;
		this.settings = List.copyOf(settings);
		this.resort = resort;
		this.whereParameters = whereParameters.clone();
	}

	/** The same DAO (statement, settings, parameters) with no connection yet, e.g. to capture its SQL once. */
	public PgvectorDaoSearcher copy() {
		return new PgvectorDaoSearcher(this.name, this.dataSource, this.sql, this.settings, this.resort,
				this.whereParameters);
	}

	/** The DAO's statement over {@code table}, with {@code where} (or none). */
	public static String sql(String table, String operator, String where) {
		return "SELECT id, page, section, content, embedding, embedding " + operator + " ? AS distance FROM " + table
				+ ((where != null) ? " WHERE " + where : "") + " ORDER BY embedding " + operator + " ? LIMIT ?";
	}

	/**
	 * The DAO's statement ordered by {@code (embedding <op> ?) + 0}: no vector index can serve that ordering, so
	 * PostgreSQL scans the rows {@code where} selects (through its B-tree, if any) and sorts them: an exact search.
	 */
	public static String exactSql(String table, String operator, String where) {
		return sql(table, operator, where).replace(" ORDER BY embedding " + operator + " ?",
				" ORDER BY (embedding " + operator + " ?) + 0");
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<Integer> search(float[] query, int k) throws Exception {
		Session session = this.idle.pollFirst();
		if (session == null) {
			session = new Session(this.dataSource.getConnection(), this.sql, this.settings);
		}
		try {
			return session.search(query, k, this.whereParameters, this.resort);
		}
		finally {
			this.idle.addFirst(session);
		}
	}

	/** Closes the idle sessions' connections (call it when no search runs). */
	@Override
	public void close() throws SQLException {
		for (Session session = this.idle.pollFirst(); session != null; session = this.idle.pollFirst()) {
			session.connection.close();
		}
	}

	/** One connection with its prepared statement, used by one thread at a time. */
	private static final class Session {

		private final Connection connection;

		private final PreparedStatement statement;

		private final @Nullable Statement settings;

		private final String setLocal;

		Session(Connection connection, String sql, List<String> settings) throws SQLException {
			this.connection = connection;
			PGvector.addVectorType(connection);
			this.statement = connection.prepareStatement(sql);
			this.setLocal = String.join("; ", settings);
			if (settings.isEmpty()) {
				this.settings = null;
			}
			else {
				// one transaction per query: SET LOCAL applies until its commit
				connection.setAutoCommit(false);
				this.settings = connection.createStatement();
			}
		}

		List<Integer> search(float[] query, int k, Object[] whereParameters, boolean resort) throws SQLException {
			if (this.settings == null) {
				return query(query, k, whereParameters, resort);
			}
			try {
				this.settings.execute(this.setLocal);
				List<Integer> rows = query(query, k, whereParameters, resort);
				this.connection.commit();
				return rows;
			}
			catch (SQLException | RuntimeException ex) {
				this.connection.rollback();
				throw ex;
			}
		}

		private List<Integer> query(float[] query, int k, Object[] whereParameters, boolean resort)
				throws SQLException {
			PGvector vector = new PGvector(query);
			int i = 1;
			this.statement.setObject(i++, vector);
			for (Object parameter : whereParameters) {
				this.statement.setObject(i++, parameter);
			}
			this.statement.setObject(i++, vector);
			this.statement.setInt(i, k);
			List<Integer> rows = new ArrayList<>(k);
			@Nullable List<Double> distances = resort ? new ArrayList<>(k) : null;
			try (ResultSet rs = this.statement.executeQuery()) {
				while (rs.next()) {
					UUID id = rs.getObject(1, UUID.class);
					// Every column, as an entity mapper would read them.
					rs.getString(2);
					rs.getString(3);
					rs.getString(4);
					((PGvector) rs.getObject(5)).toArray();
					double distance = rs.getDouble(6);
					rows.add(Dataset.index(id));
					if (distances != null) {
						distances.add(distance);
					}
				}
			}
			if (distances == null) {
				return rows;
			}
			Integer[] order = new Integer[rows.size()];
			for (int r = 0; r < order.length; r++) {
				order[r] = r;
			}
			Arrays.sort(order, Comparator.comparingDouble(distances::get));
			List<Integer> sorted = new ArrayList<>(order.length);
			for (int r : order) {
				sorted.add(rows.get(r));
			}
			return sorted;
		}

	}

}
