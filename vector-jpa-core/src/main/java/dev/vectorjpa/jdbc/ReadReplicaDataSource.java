package dev.vectorjpa.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.Assert;

/**
 * The data source for read-only work: connections of a read replica, or of the primary while the replica cannot be
 * reached (then it is tried again after a retry interval).
 * <p>
 * Routing itself is Spring's: {@link #route(DataSource, DataSource, Duration)} returns a
 * {@link LazyConnectionDataSourceProxy} over the primary with this data source as its
 * {@linkplain LazyConnectionDataSourceProxy#setReadOnlyDataSource read-only data source}, so a connection marked
 * read-only before its first statement (a {@code readOnly} transaction, or a vector-jpa search outside any
 * transaction) runs on the replica and every other one on the primary. This class only adds the failover, which Spring
 * does not have: a replica that is down must not fail reads the primary can serve.
 *
 * @since 0.1
 */
public final class ReadReplicaDataSource extends AbstractDataSource {

	private static final Log logger = LogFactory.getLog(ReadReplicaDataSource.class);

	private final DataSource replica;

	private final DataSource primary;

	private final Duration retryInterval;

	private final Clock clock;

	private final AtomicLong failovers = new AtomicLong();

	private volatile @Nullable Instant downSince;

	private volatile @Nullable String lastFailure;

	/**
	 * A read-only data source over {@code replica} that falls back to {@code primary}.
	 * @param retryInterval how long after a failed attempt read-only work goes straight to the primary
	 */
	public ReadReplicaDataSource(DataSource replica, DataSource primary, Duration retryInterval) {
		this(replica, primary, retryInterval, Clock.systemUTC());
	}

	ReadReplicaDataSource(DataSource replica, DataSource primary, Duration retryInterval, Clock clock) {
		Assert.notNull(replica, "Replica DataSource must not be null");
		Assert.notNull(primary, "Primary DataSource must not be null");
		Assert.isTrue(retryInterval != null && !retryInterval.isNegative(), "Retry interval must not be negative");
		this.replica = replica;
		this.primary = primary;
		this.retryInterval = retryInterval;
		this.clock = clock;
	}

	/**
	 * The data source to give the application: read-only connections go to {@code replica} (failing over to
	 * {@code primary}), all others to {@code primary}.
	 */
	public static LazyConnectionDataSourceProxy route(DataSource primary, DataSource replica, Duration retryInterval) {
		return route(primary, new ReadReplicaDataSource(replica, primary, retryInterval));
	}

	/** The routing data source for an existing {@link ReadReplicaDataSource}. */
	public static LazyConnectionDataSourceProxy route(DataSource primary, ReadReplicaDataSource readOnly) {
		LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
		proxy.setReadOnlyDataSource(readOnly);
		return proxy;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(this.replica::getConnection, this.primary::getConnection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(() -> this.replica.getConnection(username, password),
				() -> this.primary.getConnection(username, password));
	}

	private Connection connect(ConnectionSource toReplica, ConnectionSource toPrimary) throws SQLException {
		Instant down = this.downSince;
		if (down != null && this.clock.instant().isBefore(down.plus(this.retryInterval))) {
			this.failovers.incrementAndGet();
			return toPrimary.get();
		}
		Connection connection;
		try {
			connection = toReplica.get();
		}
		catch (SQLException | RuntimeException ex) {
			// HikariCP reports a pool that cannot start as a RuntimeException (PoolInitializationException)
			markDown(ex);
			return toPrimary.get();
		}
		if (down != null) {
			this.downSince = null;
			this.lastFailure = null;
			logger.info("Read replica reachable again: read-only work goes to it");
		}
		return connection;
	}

	/** Whether the replica answered the last attempt (or has not been tried yet). */
	public boolean isReplicaAvailable() {
		return this.downSince == null;
	}

	/** How many read-only connections were taken from the primary because the replica could not be reached. */
	public long failovers() {
		return this.failovers.get();
	}

	/** Why the last attempt to reach the replica failed, while it is down. */
	public @Nullable String lastFailure() {
		return this.lastFailure;
	}

	/** When the replica was found unreachable, while it is down. */
	public @Nullable Instant downSince() {
		return this.downSince;
	}

	/** The replica's data source. */
	public DataSource replica() {
		return this.replica;
	}

	private void markDown(Exception ex) {
		this.failovers.incrementAndGet();
		String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (this.downSince == null) {
			logger.warn("Read replica unreachable, read-only work fails over to the primary (retried after "
					+ this.retryInterval + "): " + reason);
		}
		this.lastFailure = reason;
		this.downSince = this.clock.instant();
	}

	@FunctionalInterface
	private interface ConnectionSource {

		Connection get() throws SQLException;

	}

}
