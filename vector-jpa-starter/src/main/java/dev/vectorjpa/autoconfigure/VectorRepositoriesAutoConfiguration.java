package dev.vectorjpa.autoconfigure;

import javax.sql.DataSource;

import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.observation.VectorJpaObservations;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.JpaRepositoryConfigExtension;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of Spring Data JPA
 * repositories created by {@link VectorRepositoryFactoryBean}, so that {@link VectorRepository} works without
 * {@code @EnableVectorRepositories}. It registers the application's repositories before Spring Boot's
 * {@link DataJpaRepositoriesAutoConfiguration}, which then backs off; it backs off itself when the application
 * enables repositories with {@code @EnableJpaRepositories} or {@code @EnableVectorRepositories}.
 *
 * @since 0.1
 */
@AutoConfiguration(before = DataJpaRepositoriesAutoConfiguration.class, after = HibernateJpaAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnClass({ VectorRepository.class, JpaRepositoryFactoryBean.class })
@ConditionalOnMissingBean({ JpaRepositoryFactoryBean.class, JpaRepositoryConfigExtension.class })
@ConditionalOnBooleanProperty(name = "vector-jpa.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "spring.data.jpa.repositories.enabled", matchIfMissing = true)
@Import(VectorJpaRepositoriesRegistrar.class)
public final class VectorRepositoriesAutoConfiguration {

	@Bean
	static BeanPostProcessor vectorRepositoryFactoryBeanPostProcessor(BeanFactory beanFactory) {
		return new SearchDefaultsPostProcessor(beanFactory);
	}

	/**
	 * Hands the {@code vectorJpaSearchOptions} bean and the {@link VectorIndexManager} to every
	 * {@link VectorRepositoryFactoryBean}, including those of an explicit {@code @EnableVectorRepositories}, before it
	 * creates its repository.
	 */
	static final class SearchDefaultsPostProcessor implements BeanPostProcessor {

		private final BeanFactory beanFactory;

		SearchDefaultsPostProcessor(BeanFactory beanFactory) {
			this.beanFactory = beanFactory;
		}

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
			if (bean instanceof VectorRepositoryFactoryBean<?, ?, ?> factoryBean
					&& this.beanFactory.containsBean(VectorJpaAutoConfiguration.SEARCH_OPTIONS_BEAN_NAME)) {
				factoryBean.setSearchDefaults(this.beanFactory
					.getBean(VectorJpaAutoConfiguration.SEARCH_OPTIONS_BEAN_NAME, SearchOptions.class));
			}
			if (bean instanceof VectorRepositoryFactoryBean<?, ?, ?> factoryBean) {
				// bulkInsert re-checks the IVFFlat row threshold through the shared manager
				this.beanFactory.getBeanProvider(VectorIndexManager.class).ifAvailable(factoryBean::setVectorIndexManager);
				this.beanFactory.getBeanProvider(VectorJpaObservations.class).ifAvailable(factoryBean::setObservations);
			}
			return bean;
		}

	}

}
