package dev.vectorjpa.ingest;

import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.repository.EnableVectorRepositories;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** A plain Spring context over the test schema with the ingest entities. */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@EnableVectorRepositories(considerNestedRepositories = true)
class IngestTestConfiguration {

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(TestSchema.current().jdbcUrl());
		dataSource.setMaximumPoolSize(3);
		return dataSource;
	}

	@Bean
	LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource, Environment environment) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.setManagedTypes(PersistenceManagedTypes.of(Product.class.getName(), Note.class.getName(),
				IdentityNote.class.getName(), Passage.class.getName()));
		Properties properties = new Properties();
		properties.setProperty("hibernate.hbm2ddl.auto", "create-drop");
		// a test may switch binary vector transfer on through the context's environment
		String binaryTransfer = environment.getProperty(VectorJpaSettings.BINARY_TRANSFER);
		if (binaryTransfer != null) {
			properties.setProperty(VectorJpaSettings.BINARY_TRANSFER, binaryTransfer);
		}
		factory.setJpaProperties(properties);
		return factory;
	}

	@Bean
	PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

}
