package dev.vectorjpa.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link VectorJpaHealthIndicator} ({@code management.health.vectorjpa.enabled}), and of the
 * {@link VectorJpaReadReplicaHealthIndicator} when a read replica is configured, when Spring Boot's health support is
 * present.
 *
 * @since 0.1
 */
@AutoConfiguration(after = { VectorJpaAutoConfiguration.class, VectorJpaReadReplicaAutoConfiguration.class },
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty(name = "vector-jpa.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnEnabledHealthIndicator("vectorjpa")
public final class VectorJpaHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "vectorJpaHealthIndicator")
	VectorJpaHealthIndicator vectorJpaHealthIndicator(DataSource dataSource) {
		return new VectorJpaHealthIndicator(dataSource);
	}

	@Bean
	@ConditionalOnBean(VectorJpaReadReplica.class)
	@ConditionalOnMissingBean(name = "vectorJpaReadReplicaHealthIndicator")
	VectorJpaReadReplicaHealthIndicator vectorJpaReadReplicaHealthIndicator(VectorJpaReadReplica readReplica) {
		return new VectorJpaReadReplicaHealthIndicator(readReplica);
	}

}
