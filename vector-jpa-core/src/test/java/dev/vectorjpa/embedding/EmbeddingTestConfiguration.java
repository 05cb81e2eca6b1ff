package dev.vectorjpa.embedding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.repository.EnableVectorRepositories;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.VectorRepository;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** A plain Spring context with a recording embedder and the embedding test entities. */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@EnableVectorRepositories(considerNestedRepositories = true)
class EmbeddingTestConfiguration {

	@Bean
	WordHashEmbedder embedder() {
		return new WordHashEmbedder();
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(TestSchema.current().jdbcUrl());
		dataSource.setMaximumPoolSize(2);
		return dataSource;
	}

	@Bean
	LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource, WordHashEmbedder embedder) {
		return factory(dataSource, embedder, Article.class, Comment.class);
	}

	static LocalContainerEntityManagerFactoryBean factory(DataSource dataSource, @Nullable TextEmbedder embedder,
			Class<?>... entities) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		String[] names = new String[entities.length];
		for (int i = 0; i < entities.length; i++) {
			names[i] = entities[i].getName();
		}
		factory.setManagedTypes(PersistenceManagedTypes.of(names));
		Map<String, Object> properties = new HashMap<>();
		properties.put("hibernate.hbm2ddl.auto", "create-drop");
		if (embedder != null) {
			properties.put(VectorJpaSettings.TEXT_EMBEDDER, embedder);
		}
		factory.setJpaPropertyMap(properties);
		return factory;
	}

	@Bean
	PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	interface ArticleRepository extends VectorRepository<Article, UUID> {

		List<Nearest<Article>> findNearestByTitle(String text, String title, int k);

		List<Nearest<Article>> findNearestByTitle(float[] query, String title, int k);

	}

	interface CommentRepository extends VectorRepository<Comment, Long> {
	}

}
