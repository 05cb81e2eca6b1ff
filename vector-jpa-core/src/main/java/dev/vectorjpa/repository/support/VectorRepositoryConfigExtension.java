package dev.vectorjpa.repository.support;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.data.jpa.repository.aot.JpaRepositoryContributor;
import org.springframework.data.jpa.repository.config.JpaRepositoryConfigExtension;
import org.springframework.data.repository.config.AotRepositoryContext;

/**
 * Spring Data JPA's repository configuration, creating repositories with {@link VectorRepositoryFactoryBean}.
 *
 * @since 0.1
 */
public class VectorRepositoryConfigExtension extends JpaRepositoryConfigExtension {

	@Override
	public String getModuleName() {
		return "Vector JPA";
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return VectorRepositoryFactoryBean.class.getName();
	}

	@Override
	public Class<? extends BeanRegistrationAotProcessor> getRepositoryAotProcessor() {
		return VectorRepositoryRegistrationAotProcessor.class;
	}

	/**
	 * Spring Data JPA's ahead-of-time processing of a vector repository (type hints, composition) without generated
	 * query methods.
	 * <p>
	 * Spring Data's generator knows nothing of vector search: it would implement {@code findNearestByCategoryIn(float[],
	 * Collection, Limit)} as a plain JPA query binding the vector to {@code category}, and an AOT-processed application
	 * (a native image) would run that code instead of the vector query. With no generated fragment the repository
	 * keeps this library's query lookup.
	 *
	 * @since 0.1
	 */
	public static class VectorRepositoryRegistrationAotProcessor extends JpaRepositoryRegistrationAotProcessor {

		@Override
		protected @Nullable JpaRepositoryContributor contributeAotRepository(AotRepositoryContext repositoryContext) {
			return null;
		}

	}

}
