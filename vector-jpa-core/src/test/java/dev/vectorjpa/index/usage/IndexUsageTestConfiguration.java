package dev.vectorjpa.index.usage;

import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.repository.EnableVectorRepositories;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * A plain Spring context over the test schema with the usage entities, a statement inspector and a
 * {@link VectorIndexManager} (auto-create, min-rows 100) handed to the repositories.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@EnableVectorRepositories(considerNestedRepositories = true)
class IndexUsageTestConfiguration {

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(TestSchema.current().jdbcUrl());
		dataSource.setMaximumPoolSize(3);
		return dataSource;
	}

	@Bean
	CapturingStatementInspector statementInspector() {
		return new CapturingStatementInspector();
	}

	@Bean
	LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource,
			CapturingStatementInspector statementInspector) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.setManagedTypes(PersistenceManagedTypes.of(UsageEntities.CosineItem.class.getName(),
				UsageEntities.EuclideanItem.class.getName(), UsageEntities.InnerProductItem.class.getName(),
				UsageEntities.DeferredItem.class.getName()));
		Properties properties = new Properties();
		properties.setProperty("hibernate.hbm2ddl.auto", "create-drop");
		factory.setJpaProperties(properties);
		factory.getJpaPropertyMap().put("hibernate.session_factory.statement_inspector", statementInspector);
		return factory;
	}

	@Bean
	PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	@Bean
	VectorIndexManager vectorIndexManager(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
		return new VectorIndexManager(dataSource, entityManagerFactory, VectorIndexSettings.builder()
			.autoCreate(true)
			.minRows(BulkInsertIndexThresholdIntegrationTests.MIN_ROWS)
			.build());
	}

	// What the starter does for its repositories: hand them the shared manager before they are created.
	@Bean
	static BeanPostProcessor vectorIndexManagerForRepositories(ObjectProvider<VectorIndexManager> indexManager) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof VectorRepositoryFactoryBean<?, ?, ?> factoryBean) {
					factoryBean.setVectorIndexManager(indexManager.getObject());
				}
				return bean;
			}
		};
	}

}
