package dev.vectorjpa.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one place for PostgreSQL advisory locks, which make start-up work (index builds, table creation) happen once
 * when several application instances start together.
 *
 * @since 0.1
 */
public final class AdvisoryLocks {

	private AdvisoryLocks() {
	}

	/** A stable 64-bit key (FNV-1a) for {@code name}, the same in every instance and every PostgreSQL version. */
	public static long key(String name) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** Waits for the transaction-level lock {@code name}, held until the current transaction ends. */
	public static void lockForTransaction(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
			statement.setLong(1, key(name));
			statement.executeQuery().close();
		}
	}

	/** Takes the transaction-level lock {@code key} if free; held until the current transaction ends. */
	public static boolean tryLockForTransaction(Connection connection, long key) throws SQLException {
		return tryLock(connection, "SELECT pg_try_advisory_xact_lock(?)", key);
	}

	/** Takes the session-level lock {@code key} if free; held until {@link #unlockForSession} (or disconnect). */
	public static boolean tryLockForSession(Connection connection, long key) throws SQLException {
		return tryLock(connection, "SELECT pg_try_advisory_lock(?)", key);
	}

	/** Releases the session-level lock {@code key}. */
	public static void unlockForSession(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, key);
			statement.execute();
		}
	}

	private static boolean tryLock(Connection connection, String sql, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

}
