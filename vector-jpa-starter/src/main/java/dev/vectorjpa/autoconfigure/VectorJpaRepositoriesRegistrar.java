package dev.vectorjpa.autoconfigure;

import java.lang.annotation.Annotation;

import dev.vectorjpa.repository.EnableVectorRepositories;
import dev.vectorjpa.repository.support.VectorRepositoryConfigExtension;

import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the repositories of the auto-configuration packages as {@code @EnableVectorRepositories} would, like
 * Spring Boot's {@code DataJpaRepositoriesRegistrar} does for {@code @EnableJpaRepositories}.
 */
class VectorJpaRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableVectorRepositories.class;
	}

	@Override
	protected Class<?> getConfiguration() {
		return EnableVectorRepositoriesConfiguration.class;
	}

	@Override
	protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
		return new VectorRepositoryConfigExtension();
	}

	@EnableVectorRepositories
	private static final class EnableVectorRepositoriesConfiguration {

	}

}
