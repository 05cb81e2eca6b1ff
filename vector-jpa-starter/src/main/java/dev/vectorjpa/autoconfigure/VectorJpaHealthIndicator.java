package dev.vectorjpa.autoconfigure;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.vectorjpa.jdbc.PgVectorExtension;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of vector-jpa's database: up with the pgvector version when the extension is installed and every index on a
 * vector column is valid; down otherwise, naming the invalid indexes.
 *
 * @since 0.1
 */
public class VectorJpaHealthIndicator extends AbstractHealthIndicator {

	private final DataSource dataSource;

	/** A health indicator for {@code dataSource}'s database. */
	public VectorJpaHealthIndicator(DataSource dataSource) {
		super("pgvector health check failed");
		this.dataSource = dataSource;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			Optional<String> version = PgVectorExtension.installedVersion(connection);
			if (version.isEmpty()) {
				builder.down().withDetail("extension", "not installed");
				return;
			}
			List<String> invalid = PgVectorExtension.invalidIndexes(connection);
			builder.withDetail("extension", "vector").withDetail("version", version.get());
			if (invalid.isEmpty()) {
				builder.up();
			}
			else {
				builder.down().withDetail("invalidIndexes", invalid);
			}
		}
	}

}
