package dev.vectorjpa.benchmarks.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that, while {@link #capture(Capturing) capturing} on the calling thread, records the SQL every
 * library actually sends (text and bound values), so that each competitor's query can be shown and {@code EXPLAIN}ed
 * exactly as issued. Outside a capture it hands out the pool's connections untouched.
 */
public final class SqlCapture implements DataSource {

	private static final ThreadLocal<List<Captured>> CAPTURING = new ThreadLocal<>();

	private final DataSource delegate;

	/** Wraps {@code delegate}. */
	public SqlCapture(DataSource delegate) {
		this.delegate = delegate;
	}

	/** A statement as sent: its SQL, the {@code setXxx} calls that bound its values, and {@code SET} commands before it. */
	public record Captured(String sql, List<Object[]> bindings, List<Method> setters, List<String> settings) {

		/** The SQL with long vector literals shortened, for the report. */
		public String display() {
			return shorten(this.sql);
		}

		/** Whether this is a nearest-neighbour query ({@code ORDER BY … LIMIT}). */
		public boolean isNearestQuery() {
			String lower = this.sql.toLowerCase(Locale.ROOT);
			// Hibernate renders limits as FETCH FIRST ? ROWS ONLY.
			return lower.contains("order by") && (lower.contains("limit") || lower.contains("fetch first"))
					&& !lower.startsWith("explain");
		}

	}

	/** {@code text} on one line with vector literals longer than 40 characters shortened to {@code '[…]'}. */
	public static String shorten(String text) {
		return text.replaceAll("'\\[[^\\]]{40,}\\]'", "'[…]'").replaceAll("\\s+", " ").trim();
	}

	/** Work whose SQL is captured. */
	@FunctionalInterface
	public interface Capturing {

		/** Runs the work. */
		void run() throws Exception;

	}

	/** Runs {@code work} on this thread and returns the statements it executed. */
	public static List<Captured> capture(Capturing work) throws Exception {
		List<Captured> captured = new ArrayList<>();
		CAPTURING.set(captured);
		try {
			work.run();
		}
		finally {
			CAPTURING.remove();
		}
		return captured;
	}

	/** {@code EXPLAIN} of a captured statement, replaying its bindings and settings in a rolled-back transaction. */
	public String explain(Captured statement) throws SQLException {
		StringBuilder plan = new StringBuilder();
		try (Connection c = this.delegate.getConnection()) {
			c.setAutoCommit(false);
			try {
				try (Statement s = c.createStatement()) {
					for (String setting : statement.settings()) {
						s.execute(setting);
					}
				}
				try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement.sql())) {
					for (int i = 0; i < statement.setters().size(); i++) {
						try {
							statement.setters().get(i).invoke(ps, statement.bindings().get(i));
						}
						catch (IllegalAccessException | InvocationTargetException ex) {
							throw new SQLException("cannot replay " + statement.setters().get(i).getName(), ex);
						}
					}
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							plan.append(rs.getString(1)).append('\n');
						}
					}
				}
			}
			finally {
				c.rollback();
				c.setAutoCommit(true);
			}
		}
		return plan.toString();
	}

	/** Whether a plan scans a vector index (HNSW or IVFFlat) rather than sorting every row. */
	public static boolean usesVectorIndex(String plan, String indexNamePart) {
		return plan.contains("Index Scan") && plan.contains(indexNamePart);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(this.delegate.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(this.delegate.getConnection(username, password));
	}

	private static Connection wrap(Connection connection) {
		List<Captured> captured = CAPTURING.get();
		if (captured == null) {
			return connection;
		}
		List<String> settings = new ArrayList<>();
		return (Connection) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					Object result = invoke(connection, method, args);
					if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
						return statement((PreparedStatement) result, sql, captured, settings);
					}
					if (method.getName().equals("createStatement")) {
						return settingsRecorder((Statement) result, settings);
					}
					return result;
				});
	}

	private static PreparedStatement statement(PreparedStatement statement, String sql, List<Captured> captured,
			List<String> settings) {
		List<Object[]> bindings = new ArrayList<>();
		List<Method> setters = new ArrayList<>();
		InvocationHandler handler = (proxy, method, args) -> {
			// a statement kept beyond its capture (a DAO's reused one) stops recording when the capture ends
			if (CAPTURING.get() != captured) {
				return invoke(statement, method, args);
			}
			if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
				bindings.add(args.clone());
				setters.add(method);
			}
			if (method.getName().equals("executeQuery") || method.getName().equals("execute")) {
				captured.add(new Captured(sql, List.copyOf(bindings), List.copyOf(setters), List.copyOf(settings)));
			}
			return invoke(statement, method, args);
		};
		return (PreparedStatement) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
				new Class<?>[] { PreparedStatement.class }, handler);
	}

	private static Statement settingsRecorder(Statement statement, List<String> settings) {
		return (Statement) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(), new Class<?>[] { Statement.class },
				(proxy, method, args) -> {
					if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql
							&& sql.trim().toUpperCase(Locale.ROOT).startsWith("SET")) {
						settings.add(sql);
					}
					return invoke(statement, method, args);
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return iface.isInstance(this) ? iface.cast(this) : this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || this.delegate.isWrapperFor(iface);
	}

}
