package dev.vectorjpa.repository;

import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * A plain Spring context (no Boot) with {@code @EnableVectorRepositories} over the test schema of the running class.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@EnableVectorRepositories(basePackageClasses = RepositoryTestConfiguration.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
				classes = BrokenRepositories.class))
class RepositoryTestConfiguration {

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(TestSchema.current().jdbcUrl());
		dataSource.setMaximumPoolSize(3);
		return dataSource;
	}

	@Bean
	LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.setManagedTypes(org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes
			.of(Author.class.getName(), Document.class.getName(), MultiMetricItem.class.getName(),
					SparseBitItem.class.getName(), Chapter.class.getName()));
		Properties properties = new Properties();
		properties.setProperty("hibernate.hbm2ddl.auto", "create-drop");
		factory.setJpaProperties(properties);
		return factory;
	}

	@Bean
	PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

}
