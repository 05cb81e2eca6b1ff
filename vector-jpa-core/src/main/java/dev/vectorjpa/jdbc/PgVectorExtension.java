package dev.vectorjpa.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;

/**
 * The pgvector extension in the connected database: creating it, its installed version, its invalid indexes.
 *
 * @since 0.1
 */
public final class PgVectorExtension {

	/** The statement that installs pgvector; an administrator runs it where the application's role may not. */
	public static final String CREATE_SQL = "CREATE EXTENSION IF NOT EXISTS vector";

	static final String EXTENSION = "vector";

	// Indexes in the schemas on the search path (the application's) that cover a pgvector-typed column and are not
	// valid: a failed or running CREATE INDEX CONCURRENTLY leaves one behind.
	private static final String INVALID_INDEXES_SQL = """
			SELECT DISTINCT n.nspname || '.' || c.relname
			FROM pg_index i
			JOIN pg_class c ON c.oid = i.indexrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
			JOIN pg_type t ON t.oid = a.atttypid
			WHERE NOT i.indisvalid AND t.typname IN ('vector', 'halfvec', 'sparsevec', 'bit')
				AND n.nspname = ANY (current_schemas(false))
			ORDER BY 1""";

	private PgVectorExtension() {
	}

	/**
	 * {@link #CREATE_SQL}, installing into {@code schema} when one is given (validated and quoted).
	 * @param what what names the schema, for the error message (e.g. {@code createVectorExtension schemaName})
	 */
	public static String createSql(@Nullable String schema, String what) {
		return (schema != null) ? CREATE_SQL + " SCHEMA " + SqlIdentifiers.quote(schema, what) : CREATE_SQL;
	}

	/**
	 * Runs {@link #CREATE_SQL}, a no-op when pgvector is already installed in the database.
	 * @throws IllegalStateException naming the statement an administrator must run when this role may not create
	 * the extension, or saying that pgvector is not installed on the server
	 */
	public static void create(Connection connection) {
		create(connection, EXTENSION);
	}

	// The extension name is a parameter only so that the permission error can be tested with an untrusted extension.
	static void create(Connection connection, String extension) {
		String sql = "CREATE EXTENSION IF NOT EXISTS " + SqlIdentifiers.validate(extension, "extension");
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(createFailure(connection, extension, sql, ex), ex);
		}
	}

	private static String createFailure(Connection connection, String extension, String sql, SQLException ex) {
		String database = currentDatabase(connection);
		String reason = serverMessage(ex);
		if ("42501".equals(ex.getSQLState())) {
			return "The database role may not create the '" + extension + "' extension in database '" + database
					+ "' (" + reason + "). An administrator must run: " + sql + "; in database '" + database
					+ "' (then this start-up step is a no-op), or set vector-jpa.create-extension=false";
		}
		if ("58P01".equals(ex.getSQLState()) || "0A000".equals(ex.getSQLState())) {
			return "The '" + extension + "' extension is not available on the PostgreSQL server of database '"
					+ database + "': install pgvector on the server (https://github.com/pgvector/pgvector), then run: "
					+ sql + "; (" + reason + ")";
		}
		return "Could not run '" + sql + "' in database '" + database + "': " + reason;
	}

	// The server's one-line message, without the driver's multi-line decoration of hints and positions.
	private static String serverMessage(SQLException ex) {
		if (ex instanceof PSQLException psql && psql.getServerErrorMessage() != null
				&& psql.getServerErrorMessage().getMessage() != null) {
			return psql.getServerErrorMessage().getMessage();
		}
		return String.valueOf(ex.getMessage());
	}

	/** The installed pgvector version (e.g. {@code 0.8.0}), empty when the extension is not in this database. */
	public static Optional<String> installedVersion(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT extversion FROM pg_extension WHERE extname = ?")) {
			statement.setString(1, EXTENSION);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
			}
		}
	}

	/**
	 * Qualified names of the invalid indexes on pgvector-typed columns ({@code bit} included) in the schemas on the
	 * connection's search path.
	 */
	public static List<String> invalidIndexes(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(INVALID_INDEXES_SQL)) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	/** Whether {@code installed} is at least {@code required}, comparing dotted numeric versions. */
	public static boolean isAtLeast(String installed, String required) {
		String[] have = installed.split("[.-]");
		String[] need = required.split("[.-]");
		for (int i = 0; i < need.length; i++) {
			int a = (i < have.length) ? leadingNumber(have[i]) : 0;
			int b = leadingNumber(need[i]);
			if (a != b) {
				return a > b;
			}
		}
		return true;
	}

	private static int leadingNumber(String part) {
		int end = 0;
		while (end < part.length() && Character.isDigit(part.charAt(end))) {
			end++;
		}
		return (end == 0) ? 0 : Integer.parseInt(part.substring(0, end));
	}

	private static String currentDatabase(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_database()")) {
			return rs.next() ? rs.getString(1) : "?";
		}
		catch (SQLException ex) {
			return "?";
		}
	}

}
