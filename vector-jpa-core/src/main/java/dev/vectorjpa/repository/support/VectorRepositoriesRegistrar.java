package dev.vectorjpa.repository.support;

import java.lang.annotation.Annotation;

import dev.vectorjpa.repository.EnableVectorRepositories;
import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the repositories {@link EnableVectorRepositories} asks for.
 *
 * @since 0.1
 */
public class VectorRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableVectorRepositories.class;
	}

	@Override
	protected RepositoryConfigurationExtension getExtension() {
		return new VectorRepositoryConfigExtension();
	}

}
