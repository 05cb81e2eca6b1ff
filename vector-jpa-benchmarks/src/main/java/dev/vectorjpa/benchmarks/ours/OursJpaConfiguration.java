package dev.vectorjpa.benchmarks.ours;

import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.repository.EnableVectorRepositories;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;

/** Plain Spring (no Boot) with vector-jpa repositories over the benchmark tables, on the shared pool. */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@EnableVectorRepositories(basePackageClasses = OursJpaConfiguration.class)
public class OursJpaConfiguration {

	@Bean
	LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource, Environment environment) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setPackagesToScan(OursJpaConfiguration.class.getPackageName());
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.setPersistenceUnitName("vector-jpa");
		Properties properties = new Properties();
		properties.setProperty("hibernate.hbm2ddl.auto", "none");
		properties.setProperty(VectorJpaSettings.BINARY_TRANSFER,
				environment.getProperty(VectorJpaSettings.BINARY_TRANSFER, "false"));
		factory.setJpaProperties(properties);
		return factory;
	}

	/** Counts the filter strategy of the searches a benchmark client makes (see {@link VectorJpaLibrary}). */
	@Bean
	static StrategyTags strategyTags() {
		return new StrategyTags();
	}

	/** Hands {@link StrategyTags} to every repository, as the starter hands them an application's observations. */
	@Bean
	static BeanPostProcessor strategyTagsPostProcessor(BeanFactory beanFactory) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof VectorRepositoryFactoryBean<?, ?, ?> factoryBean) {
					factoryBean.setObservations(beanFactory.getBean(StrategyTags.class));
				}
				return bean;
			}

		};
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
