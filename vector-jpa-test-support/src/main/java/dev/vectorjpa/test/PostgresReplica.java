package dev.vectorjpa.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A streaming read replica of the {@link PostgresDatabase} of this run, for the read-replica tests: the system
 * property {@code vector-jpa.test.replica-jdbc-url}, the environment variable {@code VECTOR_JPA_REPLICA_JDBC_URL}
 * ({@code scripts/test.sh} sets it from {@code scripts/db.sh --replica}). Without one the tests fail saying how to get one: they never skip.
 */
public final class PostgresReplica {

	private static volatile @Nullable PostgresReplica instance;

	private final PostgresDatabase primary;

	private final String jdbcUrl;

	private PostgresReplica(PostgresDatabase primary, String jdbcUrl) {
		this.primary = primary;
		this.jdbcUrl = jdbcUrl;
	}

	/** The replica of this run, checked on first use to be a standby of {@link PostgresDatabase#get()}. */
	public static PostgresReplica get() {
		PostgresReplica replica = instance;
		if (replica == null) {
			synchronized (PostgresReplica.class) {
				replica = instance;
				if (replica == null) {
					replica = new PostgresReplica(PostgresDatabase.get(), resolve());
					replica.check();
					instance = replica;
				}
			}
		}
		return replica;
	}

	/** JDBC URL of the replica (default schema {@code public}). */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** The JDBC URL of {@code schema} on the replica: its tables first on the search path, then {@code public}. */
	public String jdbcUrl(String schema) {
		return this.jdbcUrl + (this.jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
	}

	/** A new connection to the replica. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl);
	}

	/**
	 * Waits until the replica has replayed everything the primary has written so far.
	 * @return how long that took
	 */
	public Duration awaitReplay(Duration timeout) {
		long start = System.nanoTime();
		try (Connection primaryConnection = this.primary.connect();
				Statement statement = primaryConnection.createStatement();
				// the insert position, not the write position: with synchronous_commit = off (scripts/db.sh's setting) a
				// commit record can still be in the WAL buffers, beyond what pg_current_wal_lsn() reports
				ResultSet lsn = statement.executeQuery("select pg_current_wal_insert_lsn()::text");
				Connection replicaConnection = connect();
				PreparedStatement replayed = replicaConnection
					.prepareStatement("select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
			lsn.next();
			replayed.setString(1, lsn.getString(1));
			while (true) {
				try (ResultSet result = replayed.executeQuery()) {
					result.next();
					if (result.getBoolean(1)) {
						return Duration.ofNanos(System.nanoTime() - start);
					}
				}
				if (System.nanoTime() - start > timeout.toNanos()) {
					throw new IllegalStateException("The replica did not replay the primary's WAL within " + timeout);
				}
				Thread.sleep(5);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not compare the replica's replay position: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String resolve() {
		String url = System.getProperty("vector-jpa.test.replica-jdbc-url");
		if (url == null || url.isBlank()) {
			url = System.getenv("VECTOR_JPA_REPLICA_JDBC_URL");
		}
		if (url != null && !url.isBlank()) {
			return url;
		}
		throw new IllegalStateException(message("no replica is configured"));
	}

	private void check() {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select pg_is_in_recovery()")) {
			result.next();
			if (!result.getBoolean(1)) {
				throw new IllegalStateException(message("the replica at " + redacted() + " is not a standby"));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(message("the replica at " + redacted() + " cannot be used: "
					+ ex.getMessage()), ex);
		}
	}

	private String redacted() {
		int query = this.jdbcUrl.indexOf('?');
		return (query < 0) ? this.jdbcUrl : this.jdbcUrl.substring(0, query);
	}

	private static String message(String reason) {
		return "The read-replica tests need a streaming replica of the test database, but " + reason + ". "
				+ "Run 'scripts/db.sh --replica' (makes one of the local cluster and prints its URL) and export "
				+ "VECTOR_JPA_REPLICA_JDBC_URL, or use 'scripts/test.sh', which does both.";
	}

}
