package dev.vectorjpa.benchmarks.competitors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.pgvector.PGvector;

import dev.vectorjpa.Metric;
import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.run.Searcher;

/**
 * The ceiling for queries: a hand-written prepared statement on a pooled connection, reading every column the way an
 * entity would be read. With settings, each query runs in a transaction that applies them with {@code SET LOCAL},
 * exactly as the library does for {@code SearchOptions}.
 */
public final class RawJdbcSearcher implements Searcher {

	private final String name;

	private final DataSource dataSource;

	private final String sql;

	private final String settings;

	private final Object[] whereParameters;

	/**
	 * A searcher running {@code sql} (from {@link #sql}) with {@code whereParameters} bound after the select-list
	 * vector, and {@code settings} (e.g. {@code SET LOCAL hnsw.ef_search = 40}, or empty) applied first.
	 */
	public RawJdbcSearcher(String name, DataSource dataSource, String sql, List<String> settings,
			Object... whereParameters) {
		this.name = name;
		this.dataSource = dataSource;
		this.sql = sql;
		this.settings = String.join("; ", settings);
		this.whereParameters = whereParameters;
	}

	/**
	 * {@code SELECT id, content, category, metadata, embedding, embedding <op> ? AS distance FROM table [WHERE where]
	 * ORDER BY embedding <op> ? LIMIT ?}: the index-usable shape.
	 */
	public static String sql(String table, Metric metric, String where) {
		String op = metric.operator();
		return "SELECT id, content, category, metadata, embedding, embedding " + op + " ? AS distance FROM " + table
				+ ((where != null) ? " WHERE " + where : "") + " ORDER BY embedding " + op + " ? LIMIT ?";
	}

	/** The SQL this searcher runs. */
	public String sql() {
		return this.sql;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<Integer> search(float[] query, int k) throws Exception {
		try (Connection c = this.dataSource.getConnection()) {
			if (this.settings.isEmpty()) {
				return run(c, query, k);
			}
			c.setAutoCommit(false);
			try {
				try (Statement s = c.createStatement()) {
					s.execute(this.settings);
				}
				List<Integer> rows = run(c, query, k);
				c.commit();
				return rows;
			}
			catch (Exception ex) {
				c.rollback();
				throw ex;
			}
			finally {
				c.setAutoCommit(true);
			}
		}
	}

	private List<Integer> run(Connection c, float[] query, int k) throws Exception {
		PGvector vector = new PGvector(query);
		try (PreparedStatement ps = c.prepareStatement(this.sql)) {
			int i = 1;
			ps.setObject(i++, vector);
			for (Object parameter : this.whereParameters) {
				ps.setObject(i++, parameter);
			}
			ps.setObject(i++, vector);
			ps.setInt(i, k);
			List<Integer> rows = new ArrayList<>(k);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					UUID id = rs.getObject(1, UUID.class);
					// Read every column, as mapping an entity would.
					rs.getString(2);
					rs.getString(3);
					rs.getString(4);
					new PGvector(rs.getString(5)).toArray();
					rs.getDouble(6);
					rows.add(Dataset.index(id));
				}
			}
			return rows;
		}
	}

}
