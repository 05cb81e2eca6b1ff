package dev.vectorjpa.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VectorJpaReadReplicaAutoConfiguration} (no database: pools start lazily).
 */
class VectorJpaReadReplicaAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				VectorJpaReadReplicaAutoConfiguration.class, VectorJpaHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:postgresql://primary.example:5432/app",
				"spring.datasource.username=app", "spring.datasource.password=primary-secret");

	@Test
	void backsOffWithoutAReplicaUrl() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(VectorJpaReadReplica.class);
			assertThat(context).doesNotHaveBean(VectorJpaReadReplicaHealthIndicator.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
		});
	}

	@Test
	void routesTheApplicationDataSourceWithTheReplicaAsItsReadOnlyDataSource() {
		this.contextRunner.withPropertyValues("vector-jpa.read-replica.url=jdbc:postgresql://replica.example:5432/app")
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSource.class);
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(dataSource).isInstanceOf(LazyConnectionDataSourceProxy.class);
				assertThat(((DelegatingDataSource) dataSource).getTargetDataSource()).isInstanceOf(HikariDataSource.class);
				VectorJpaReadReplica replica = context.getBean(VectorJpaReadReplica.class);
				assertThat(replica.readOnlyDataSource()).isNotNull();
				assertThat(replica.readOnlyDataSource().replica()).isSameAs(replica.pool());
				HikariDataSource pool = replica.pool();
				assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://replica.example:5432/app");
				assertThat(pool.getPoolName()).isEqualTo(VectorJpaReadReplicaAutoConfiguration.POOL_NAME);
				// credentials default to the primary's
				assertThat(pool.getUsername()).isEqualTo("app");
				assertThat(pool.getPassword()).isEqualTo("primary-secret");
				assertThat(pool.getConnectionTimeout()).isEqualTo(2000);
				assertThat(context).hasSingleBean(VectorJpaReadReplicaHealthIndicator.class);
				assertThat(context).hasSingleBean(ReadReplicaMetrics.class);
			});
	}

	@Test
	void takesTheReplicasOwnCredentialsAndNeverPrintsThePassword() {
		this.contextRunner
			.withPropertyValues("vector-jpa.read-replica.url=jdbc:postgresql://replica.example/app?password=in-url",
					"vector-jpa.read-replica.username=reader", "vector-jpa.read-replica.password=replica-secret",
					"vector-jpa.read-replica.maximum-pool-size=3")
			.run((context) -> {
				HikariDataSource pool = context.getBean(VectorJpaReadReplica.class).pool();
				assertThat(pool.getUsername()).isEqualTo("reader");
				assertThat(pool.getPassword()).isEqualTo("replica-secret");
				assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
				String text = context.getBean(VectorJpaProperties.class).getReadReplica().toString();
				assertThat(text).contains("reader").doesNotContain("replica-secret").doesNotContain("in-url");
			});
	}

	@Test
	void backsOffWithoutHikari() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VectorJpaReadReplicaAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.withPropertyValues("vector-jpa.read-replica.url=jdbc:postgresql://replica.example/app")
			.run((context) -> assertThat(context).doesNotHaveBean(VectorJpaReadReplica.class));
	}

	@Test
	void defaultValuesAreConsistent() {
		VectorJpaProperties.ReadReplica replica = new VectorJpaProperties().getReadReplica();
		assertThat(replica.getUrl()).isNull();
		assertThat(replica.getUsername()).isNull();
		assertThat(replica.getPassword()).isNull();
		assertThat(replica.getMaximumPoolSize()).isEqualTo(10);
		assertThat(replica.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(replica.getRetryInterval()).isEqualTo(Duration.ofSeconds(10));
	}

}
