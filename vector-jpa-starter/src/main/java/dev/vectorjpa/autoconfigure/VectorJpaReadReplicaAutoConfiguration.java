package dev.vectorjpa.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.jdbc.ReadReplicaDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a read replica
 * ({@code vector-jpa.read-replica.url}): the application's data source is routed through Spring's
 * {@link LazyConnectionDataSourceProxy}, read-only connections to a replica pool with failover to the primary
 * ({@link ReadReplicaDataSource}).
 *
 * @since 0.1
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		before = { HibernateJpaAutoConfiguration.class, VectorJpaAutoConfiguration.class })
@ConditionalOnClass({ LazyConnectionDataSourceProxy.class, HikariDataSource.class })
@ConditionalOnBooleanProperty(name = "vector-jpa.enabled", matchIfMissing = true)
@ConditionalOnProperty("vector-jpa.read-replica.url")
@EnableConfigurationProperties(VectorJpaProperties.class)
public final class VectorJpaReadReplicaAutoConfiguration {

	/** Name of the pool of the read replica. */
	public static final String POOL_NAME = "vector-jpa-read-replica";

	@Bean
	static ReadReplicaDataSourcePostProcessor vectorJpaReadReplicaDataSourcePostProcessor() {
		return new ReadReplicaDataSourcePostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	VectorJpaReadReplica vectorJpaReadReplica(VectorJpaProperties properties,
			ObjectProvider<DataSourceProperties> dataSourceProperties) {
		VectorJpaProperties.ReadReplica replica = properties.getReadReplica();
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName(POOL_NAME);
		pool.setJdbcUrl(replica.getUrl());
		DataSourceProperties primary = dataSourceProperties.getIfAvailable();
		String username = (replica.getUsername() != null) ? replica.getUsername()
				: (primary != null) ? primary.determineUsername() : null;
		String password = (replica.getPassword() != null) ? replica.getPassword()
				: (primary != null) ? primary.determinePassword() : null;
		if (username != null) {
			pool.setUsername(username);
		}
		if (password != null) {
			pool.setPassword(password);
		}
		pool.setMaximumPoolSize(replica.getMaximumPoolSize());
		pool.setConnectionTimeout(replica.getConnectionTimeout().toMillis());
		// A replica that is down at start-up must not stop the application: reads fail over to the primary.
		pool.setInitializationFailTimeout(-1);
		return new VectorJpaReadReplica(pool, replica.getRetryInterval());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReadReplicaMetrics vectorJpaReadReplicaMetrics(VectorJpaReadReplica readReplica) {
			return new ReadReplicaMetrics(readReplica);
		}

	}

}
