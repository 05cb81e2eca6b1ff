package dev.vectorjpa.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL + pgvector server of this test run, resolved once per JVM.
 * <ol>
 * <li>a configured URL: the system property {@code vector-jpa.test.jdbc-url}, else the environment variable
 * {@code VECTOR_JPA_JDBC_URL} ({@code jdbc:postgresql://host:port/db?user=..&password=..}), else
 * {@code DATABASE_URL} ({@code postgres[ql]://user:pass@host:port/db});</li>
 * <li>otherwise a Testcontainers {@code pgvector/pgvector:pg17} container, when a Docker engine answers (set
 * {@code vector-jpa.test.docker=false} to never probe Docker).</li>
 * </ol>
 * With neither the run fails with a message saying how to supply a database: a database test never skips.
 */
public final class PostgresDatabase {

	/** Image used where Docker runs. */
	public static final String IMAGE = "pgvector/pgvector:pg17";

	/** System property holding the JDBC URL of the server to test against. */
	public static final String URL_PROPERTY = "vector-jpa.test.jdbc-url";

	/** System property that, set to {@code false}, stops the Docker probe. */
	public static final String DOCKER_PROPERTY = "vector-jpa.test.docker";

	static final String SCHEMA_PREFIX = "vjt_";

	private static final Pattern DATABASE_URL = Pattern
		.compile("postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]+)(/[^?]*)?(\\?.*)?");

	private static volatile @Nullable PostgresDatabase instance;

	private final String jdbcUrl;

	private final String source;

	private PostgresDatabase(String jdbcUrl, String source) {
		this.jdbcUrl = jdbcUrl;
		this.source = source;
	}

	/** The database of this run, started or located on first use. */
	public static PostgresDatabase get() {
		PostgresDatabase database = instance;
		if (database == null) {
			synchronized (PostgresDatabase.class) {
				database = instance;
				if (database == null) {
					database = resolve();
					database.prepare();
					instance = database;
				}
			}
		}
		return database;
	}

	/** JDBC URL of the database (default schema {@code public}). */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** Where the database came from (for log lines). */
	public String source() {
		return this.source;
	}

	/** A new connection to the database, with {@code public} as its schema. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl);
	}

	/** The JDBC URL of {@code schema}: its tables first on the search path, then {@code public} (the extension). */
	public String jdbcUrl(String schema) {
		String separator = this.jdbcUrl.contains("?") ? "&" : "?";
		return this.jdbcUrl + separator + "currentSchema=" + schema + ",public";
	}

	private static PostgresDatabase resolve() {
		String url = System.getProperty(URL_PROPERTY);
		if (isBlank(url)) {
			url = System.getenv("VECTOR_JPA_JDBC_URL");
		}
		if (!isBlank(url)) {
			return new PostgresDatabase(url, isBlank(System.getProperty(URL_PROPERTY)) ? "VECTOR_JPA_JDBC_URL" : URL_PROPERTY);
		}
		String databaseUrl = System.getenv("DATABASE_URL");
		if (!isBlank(databaseUrl)) {
			return new PostgresDatabase(toJdbcUrl(databaseUrl), "DATABASE_URL");
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer(
					DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
			container.start();
			String containerUrl = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
					+ "user=" + container.getUsername() + "&password=" + container.getPassword();
			return new PostgresDatabase(containerUrl, "Testcontainers " + IMAGE);
		}
		throw new IllegalStateException(noDatabaseMessage("neither " + URL_PROPERTY
				+ ", VECTOR_JPA_JDBC_URL nor DATABASE_URL is set and no Docker engine answers"));
	}

	static String noDatabaseMessage(String reason) {
		return "@DatabaseTest needs a PostgreSQL server with the pgvector extension available, but " + reason
				+ ". Either point the tests at a server: set the system property " + URL_PROPERTY
				+ " (for example in the systemPropertyVariables of maven-failsafe-plugin) or the environment variable "
				+ "VECTOR_JPA_JDBC_URL to jdbc:postgresql://host:port/database?user=...&password=..., "
				+ "or start a Docker engine so that Testcontainers can run " + IMAGE + ".";
	}

	/** Converts {@code postgres[ql]://user:pass@host:port/db?params} to a JDBC URL. */
	public static String toJdbcUrl(String databaseUrl) {
		Matcher matcher = DATABASE_URL.matcher(databaseUrl.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("DATABASE_URL must look like postgres://user:pass@host:port/db");
		}
		StringBuilder url = new StringBuilder("jdbc:postgresql://").append(matcher.group(3));
		url.append(matcher.group(4) != null ? matcher.group(4) : "/");
		String query = matcher.group(5);
		char separator = '?';
		if (query != null && query.length() > 1) {
			url.append(query);
			separator = '&';
		}
		if (!isBlank(matcher.group(1))) {
			url.append(separator).append("user=").append(matcher.group(1));
			separator = '&';
			if (matcher.group(2) != null) {
				url.append("&password=").append(matcher.group(2));
			}
		}
		return url.toString();
	}

	private static boolean dockerAvailable() {
		if ("false".equalsIgnoreCase(System.getProperty(DOCKER_PROPERTY))
				|| System.getenv("VECTOR_JPA_NO_DOCKER") != null) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/** Checks the server answers, creates the extension, and drops schemas left by runs more than a day old. */
	private void prepare() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET client_min_messages = warning");
			statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
			List<String> stale = new ArrayList<>();
			long dayAgo = System.currentTimeMillis() / 1000 - 86_400;
			try (ResultSet rs = statement.executeQuery(
					"SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + SCHEMA_PREFIX + "%'")) {
				while (rs.next()) {
					String name = rs.getString(1);
					String[] parts = name.split("_");
					if (parts.length > 1 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < dayAgo) {
						stale.add(name);
					}
				}
			}
			for (String name : stale) {
				statement.execute("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(noDatabaseMessage("the database at " + redacted() + " (from " + this.source
					+ ") cannot be used: " + ex.getMessage()), ex);
		}
	}

	String redacted() {
		int query = this.jdbcUrl.indexOf('?');
		return (query < 0) ? this.jdbcUrl : this.jdbcUrl.substring(0, query);
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
