package dev.vectorjpa.benchmarks.competitors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

import javax.sql.DataSource;

import com.pgvector.PGvector;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.run.Searcher;

/**
 * The ceiling of the real-text section: the DAO a careful developer writes with pgvector-java. Each connection gets
 * {@code PGvector.addVectorType} (pgjdbc then sends the query vector and, once the statement is server-prepared,
 * receives result vectors in pgvector's binary form) and keeps one {@link PreparedStatement} that every query on it
 * reuses; every column of every row is read, the vector as a {@code float[]}. Its connections come from a pool of
 * their own, because {@code addVectorType} changes them for every later user.
 */
public final class PgvectorDaoSearcher implements Searcher {

	private final String name;

	private final DataSource dataSource;

	private final String sql;

	private final Object[] whereParameters;

	private final ConcurrentLinkedDeque<Session> idle = new ConcurrentLinkedDeque<>();

	/**
	 * A DAO running {@code sql} ({@code SELECT id, page, section, content, embedding, embedding <op> ? AS distance ...
	 * ORDER BY embedding <op> ? LIMIT ?}) with {@code whereParameters} bound between the two vectors.
	 */
	public PgvectorDaoSearcher(String name, DataSource dataSource, String sql, Object... whereParameters) {
		this.name = name;
		this.dataSource = dataSource;
		this.sql = sql;
		this.whereParameters = whereParameters;
	}

	/** The DAO's statement over {@code table}, with {@code where} (or none). */
	public static String sql(String table, String operator, String where) {
		return "SELECT id, page, section, content, embedding, embedding " + operator + " ? AS distance FROM " + table
				+ ((where != null) ? " WHERE " + where : "") + " ORDER BY embedding " + operator + " ? LIMIT ?";
	}

	@Override
	public String name() {
		return this.name;
	}

	/**
	 * A DAO like this one with no connection yet: the one whose SQL is captured for the report, so that the
	 * connection the capture wraps (and keeps recording on) never serves a timed query.
	 */
	public PgvectorDaoSearcher fresh() {
		return new PgvectorDaoSearcher(this.name, this.dataSource, this.sql, this.whereParameters);
	}

	/** Closes the connections this DAO holds (their statements with them). */
	public void close() throws SQLException {
		for (Session session = this.idle.pollFirst(); session != null; session = this.idle.pollFirst()) {
			session.statement.getConnection().close();
		}
	}

	@Override
	public List<Integer> search(float[] query, int k) throws Exception {
		Session session = this.idle.pollFirst();
		if (session == null) {
			session = new Session(this.dataSource.getConnection(), this.sql);
		}
		try {
			return session.search(query, k, this.whereParameters);
		}
		finally {
			this.idle.addFirst(session);
		}
	}

	/** One connection with its prepared statement, used by one thread at a time. */
	private static final class Session {

		private final PreparedStatement statement;

		Session(Connection connection, String sql) throws SQLException {
			PGvector.addVectorType(connection);
			this.statement = connection.prepareStatement(sql);
		}

		List<Integer> search(float[] query, int k, Object[] whereParameters) throws SQLException {
			PGvector vector = new PGvector(query);
			int i = 1;
			this.statement.setObject(i++, vector);
			for (Object parameter : whereParameters) {
				this.statement.setObject(i++, parameter);
			}
			this.statement.setObject(i++, vector);
			this.statement.setInt(i, k);
			List<Integer> rows = new ArrayList<>(k);
			try (ResultSet rs = this.statement.executeQuery()) {
				while (rs.next()) {
					UUID id = rs.getObject(1, UUID.class);
					// Every column, as an entity mapper would read them.
					rs.getString(2);
					rs.getString(3);
					rs.getString(4);
					((PGvector) rs.getObject(5)).toArray();
					rs.getDouble(6);
					rows.add(Dataset.index(id));
				}
			}
			return rows;
		}

	}

}
