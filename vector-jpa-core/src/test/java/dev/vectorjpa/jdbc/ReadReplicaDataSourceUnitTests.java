package dev.vectorjpa.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Failover of {@link ReadReplicaDataSource} and the routing of {@link ReadReplicaDataSource#route}, with data sources
 * that count their connections.
 */
class ReadReplicaDataSourceUnitTests {

	private final CountingDataSource primary = new CountingDataSource("primary");

	private final CountingDataSource replica = new CountingDataSource("replica");

	private final MutableClock clock = new MutableClock();

	private final ReadReplicaDataSource readOnly = new ReadReplicaDataSource(this.replica, this.primary,
			Duration.ofSeconds(10), this.clock);

	@Test
	void servesReadOnlyConnectionsFromTheReplica() throws SQLException {
		assertThat(name(this.readOnly.getConnection())).isEqualTo("replica");
		assertThat(this.readOnly.isReplicaAvailable()).isTrue();
		assertThat(this.readOnly.failovers()).isZero();
	}

	@Test
	void failsOverToThePrimaryAndRetriesTheReplicaAfterTheInterval() throws SQLException {
		this.replica.down.set(true);
		assertThat(name(this.readOnly.getConnection())).isEqualTo("primary");
		assertThat(this.readOnly.isReplicaAvailable()).isFalse();
		assertThat(this.readOnly.lastFailure()).isEqualTo("SQLTransientConnectionException: replica is down");
		this.replica.down.set(false);
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(name(this.readOnly.getConnection())).as("within the retry interval").isEqualTo("primary");
		assertThat(this.replica.attempts).hasValue(1);
		assertThat(this.readOnly.failovers()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(name(this.readOnly.getConnection())).isEqualTo("replica");
		assertThat(this.readOnly.isReplicaAvailable()).isTrue();
		assertThat(this.readOnly.lastFailure()).isNull();
	}

	@Test
	void aPoolThatCannotStartCountsAsDown() throws SQLException {
		DataSource failing = new AbstractDataSource() {
			@Override
			public Connection getConnection() {
				throw new IllegalStateException("pool initialization failed");
			}

			@Override
			public Connection getConnection(String username, String password) {
				return getConnection();
			}
		};
		ReadReplicaDataSource dataSource = new ReadReplicaDataSource(failing, this.primary, Duration.ZERO);
		assertThat(name(dataSource.getConnection())).isEqualTo("primary");
		assertThat(dataSource.failovers()).isOne();
	}

	@Test
	void routesReadOnlyConnectionsToTheReplicaAndOthersToThePrimary() throws SQLException {
		LazyConnectionDataSourceProxy routing = ReadReplicaDataSource.route(this.primary, this.readOnly);
		routing.setDefaultAutoCommit(true);
		routing.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		try (Connection connection = routing.getConnection()) {
			connection.setReadOnly(true);
			assertThat(((ConnectionProxy) connection).getTargetConnection().toString()).isEqualTo("replica");
		}
		try (Connection connection = routing.getConnection()) {
			assertThat(((ConnectionProxy) connection).getTargetConnection().toString()).isEqualTo("primary");
		}
	}

	@Test
	void rejectsANegativeRetryInterval() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReadReplicaDataSource(this.replica, this.primary, Duration.ofSeconds(-1)))
			.withMessage("Retry interval must not be negative");
	}

	private static String name(Connection connection) {
		return connection.toString();
	}

	static final class CountingDataSource extends AbstractDataSource {

		final String name;

		final AtomicBoolean down = new AtomicBoolean();

		final AtomicInteger attempts = new AtomicInteger();

		CountingDataSource(String name) {
			this.name = name;
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.attempts.incrementAndGet();
			if (this.down.get()) {
				throw new SQLTransientConnectionException(this.name + " is down");
			}
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> switch (method.getName()) {
						case "toString" -> this.name;
						case "unwrap" -> proxy;
						case "isWrapperFor", "isClosed", "isReadOnly", "getAutoCommit" -> false;
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == args[0];
						default -> null;
					});
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
