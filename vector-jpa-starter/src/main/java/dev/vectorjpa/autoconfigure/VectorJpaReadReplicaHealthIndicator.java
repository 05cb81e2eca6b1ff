package dev.vectorjpa.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the read replica: up with its replay lag when it answers as a standby; down when it cannot be reached
 * (read-only work then runs on the primary), with the number of failovers.
 *
 * @since 0.1
 */
public class VectorJpaReadReplicaHealthIndicator extends AbstractHealthIndicator {

	private static final String CHECK = "select pg_is_in_recovery(), "
			+ "extract(epoch from now() - pg_last_xact_replay_timestamp())";

	private final VectorJpaReadReplica readReplica;

	/** A health indicator for {@code readReplica}. */
	public VectorJpaReadReplicaHealthIndicator(VectorJpaReadReplica readReplica) {
		super("read replica health check failed");
		this.readReplica = readReplica;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("failovers", this.readReplica.failovers());
		try (Connection connection = this.readReplica.pool().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(CHECK)) {
			result.next();
			builder.up().withDetail("inRecovery", result.getBoolean(1));
			double lag = result.getDouble(2);
			if (!result.wasNull()) {
				// time since the last replayed commit: it also grows while the primary commits nothing
				builder.withDetail("lastReplaySecondsAgo", lag);
			}
		}
		catch (SQLException | RuntimeException ex) {
			builder.down()
				.withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage())
				.withDetail("failover", "read-only work runs on the primary");
		}
	}

}
