package dev.vectorjpa.benchmarks.competitors;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.pgvector.PGvector;
import org.postgresql.util.PGobject;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.db.SqlCapture;
import dev.vectorjpa.benchmarks.run.Searcher;

/**
 * Raw JDBC running exactly the statement another searcher was captured sending: same SQL text, same
 * {@code setXxx} calls, same {@code SET LOCAL} settings, with only the query vector replaced for each query; every
 * column of every row is read (vectors parsed with pgvector-java) as a hand-written mapper would. This is the
 * "same SQL" ceiling the library is held to.
 */
public final class SameSqlSearcher implements Searcher {

	private final String name;

	private final DataSource dataSource;

	private final SqlCapture.Captured statement;

	private final String settings;

	private final boolean[] isQueryVector;

	/** Replays {@code statement}, captured while searching for {@code capturedQuery}. */
	public SameSqlSearcher(String name, DataSource dataSource, SqlCapture.Captured statement, float[] capturedQuery) {
		this.name = name;
		this.dataSource = dataSource;
		this.statement = statement;
		this.settings = String.join("; ", statement.settings());
		this.isQueryVector = new boolean[statement.bindings().size()];
		for (int i = 0; i < this.isQueryVector.length; i++) {
			this.isQueryVector[i] = isVector(statement.bindings().get(i)[1], capturedQuery);
		}
	}

	private static boolean isVector(Object value, float[] query) {
		if (value instanceof float[] array) {
			return Arrays.equals(array, query);
		}
		if (value instanceof PGvector vector) {
			return Arrays.equals(vector.toArray(), query);
		}
		if (value instanceof java.sql.Array array) {
			// Hibernate's vector binding: a float4 (or text) array the SQL casts to vector.
			try {
				Object[] elements = (Object[]) array.getArray();
				if (elements.length != query.length) {
					return false;
				}
				for (int i = 0; i < elements.length; i++) {
					if (Float.parseFloat(String.valueOf(elements[i])) != query[i]) {
						return false;
					}
				}
				return true;
			}
			catch (java.sql.SQLException | RuntimeException ex) {
				return false;
			}
		}
		String text = (value instanceof PGobject object) ? object.getValue() : (value instanceof String s) ? s : null;
		if (text == null || !text.startsWith("[")) {
			return false;
		}
		try {
			return Arrays.equals(new PGvector(text).toArray(), query);
		}
		catch (java.sql.SQLException | RuntimeException ex) {
			return false;
		}
	}

	/** The replayed SQL. */
	public String sql() {
		return this.statement.sql();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<Integer> search(float[] query, int k) throws Exception {
		try (Connection c = this.dataSource.getConnection()) {
			if (this.settings.isEmpty()) {
				return run(c, query);
			}
			c.setAutoCommit(false);
			try {
				try (Statement s = c.createStatement()) {
					s.execute(this.settings);
				}
				List<Integer> rows = run(c, query);
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

	private List<Integer> run(Connection c, float[] query) throws Exception {
		try (PreparedStatement ps = c.prepareStatement(this.statement.sql())) {
			List<Object[]> bindings = this.statement.bindings();
			List<Method> setters = this.statement.setters();
			for (int i = 0; i < bindings.size(); i++) {
				Object[] args = bindings.get(i);
				if (this.isQueryVector[i]) {
					args = args.clone();
					args[1] = replacement(c, args[1], query);
				}
				setters.get(i).invoke(ps, args);
			}
			List<Integer> rows = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				ResultSetMetaData meta = rs.getMetaData();
				int columns = meta.getColumnCount();
				while (rs.next()) {
					UUID id = null;
					for (int col = 1; col <= columns; col++) {
						String type = meta.getColumnTypeName(col);
						if (id == null && "uuid".equals(type)) {
							id = rs.getObject(col, UUID.class);
						}
						else if ("vector".equals(type)) {
							String text = rs.getString(col);
							if (text != null) {
								new PGvector(text).toArray();
							}
						}
						else {
							rs.getString(col);
						}
					}
					rows.add((id != null) ? Dataset.index(id) : -1);
				}
			}
			return rows;
		}
	}

	private static Object replacement(Connection c, Object captured, float[] query) throws java.sql.SQLException {
		if (captured instanceof float[]) {
			return query;
		}
		if (captured instanceof java.sql.Array array) {
			Object[] elements = (Object[]) array.getArray();
			Object[] values = (elements instanceof String[]) ? new String[query.length] : new Float[query.length];
			for (int i = 0; i < query.length; i++) {
				values[i] = (values instanceof String[]) ? (Object) Float.toString(query[i]) : (Object) query[i];
			}
			return c.createArrayOf(array.getBaseTypeName(), values);
		}
		if (captured instanceof PGvector) {
			return new PGvector(query);
		}
		String text = new PGvector(query).getValue();
		if (captured instanceof PGobject object) {
			PGobject replaced = new PGobject();
			replaced.setType(object.getType());
			replaced.setValue(text);
			return replaced;
		}
		return text;
	}

}
