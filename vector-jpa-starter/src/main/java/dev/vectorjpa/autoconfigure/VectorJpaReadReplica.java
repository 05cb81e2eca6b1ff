package dev.vectorjpa.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.jdbc.ReadReplicaDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

/**
 * The read replica of {@code vector-jpa.read-replica.*}: its connection pool, and the read-only data source (replica
 * with failover to the primary) once the application's data source has been routed through it.
 *
 * @since 0.1
 */
public class VectorJpaReadReplica implements DisposableBean {

	private final HikariDataSource pool;

	private final Duration retryInterval;

	private volatile @Nullable ReadReplicaDataSource readOnly;

	/** A read replica reached through {@code pool}, retried {@code retryInterval} after a failure. */
	public VectorJpaReadReplica(HikariDataSource pool, Duration retryInterval) {
		Assert.notNull(pool, "Pool must not be null");
		this.pool = pool;
		this.retryInterval = retryInterval;
	}

	/** Routes {@code primary}: read-only connections to the replica (falling back to {@code primary}). */
	DataSource route(DataSource primary) {
		ReadReplicaDataSource readOnlyDataSource = new ReadReplicaDataSource(this.pool, primary, this.retryInterval);
		this.readOnly = readOnlyDataSource;
		return ReadReplicaDataSource.route(primary, readOnlyDataSource);
	}

	/** The replica's own pool (no failover). */
	public HikariDataSource pool() {
		return this.pool;
	}

	/** The read-only data source, once the application's data source is routed. */
	public @Nullable ReadReplicaDataSource readOnlyDataSource() {
		return this.readOnly;
	}

	/** Read-only connections taken from the primary because the replica could not be reached. */
	public long failovers() {
		ReadReplicaDataSource readOnlyDataSource = this.readOnly;
		return (readOnlyDataSource != null) ? readOnlyDataSource.failovers() : 0;
	}

	/** Whether read-only work currently goes to the replica. */
	public boolean isAvailable() {
		ReadReplicaDataSource readOnlyDataSource = this.readOnly;
		return readOnlyDataSource == null || readOnlyDataSource.isReplicaAvailable();
	}

	@Override
	public void destroy() {
		this.pool.close();
	}

}
