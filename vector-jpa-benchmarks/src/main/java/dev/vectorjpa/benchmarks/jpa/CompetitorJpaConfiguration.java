package dev.vectorjpa.benchmarks.jpa;

import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plain Spring + Hibernate for the Spring Data JPA competitors (no vector-jpa repositories), on the shared pool; JDBC
 * batching tuned as the issue asks: {@code hibernate.jdbc.batch_size=1000} plus the pool's
 * {@code reWriteBatchedInserts=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = CompetitorJpaConfiguration.class)
public class CompetitorJpaConfiguration {

	@Bean
	LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setPackagesToScan(CompetitorJpaConfiguration.class.getPackageName());
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.setPersistenceUnitName("competitors");
		Properties properties = new Properties();
		properties.setProperty("hibernate.jdbc.batch_size", "1000");
		properties.setProperty("hibernate.order_inserts", "true");
		properties.setProperty("hibernate.hbm2ddl.auto", "none");
		factory.setJpaProperties(properties);
		return factory;
	}

	@Bean
	PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	@Bean
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

}
