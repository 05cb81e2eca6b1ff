package dev.vectorjpa.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Wraps the application's {@link DataSource} bean (Spring Boot's, or the user's) in a
 * {@link LazyConnectionDataSourceProxy} whose read-only data source is the read replica. Wrapping the bean rather
 * than replacing it keeps {@code spring.datasource.*} and the pool's own configuration untouched.
 */
final class ReadReplicaDataSourcePostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private ConfigurableListableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)
				&& isApplicationDataSource(beanName)) {
			return this.beanFactory.getBean(VectorJpaReadReplica.class).route(dataSource);
		}
		return bean;
	}

	/** The only data source bean, or the primary one of several. */
	private boolean isApplicationDataSource(String beanName) {
		String[] names = this.beanFactory.getBeanNamesForType(DataSource.class, true, false);
		if (names.length == 1) {
			return names[0].equals(beanName);
		}
		return this.beanFactory.containsBeanDefinition(beanName)
				&& this.beanFactory.getBeanDefinition(beanName).isPrimary();
	}

}
