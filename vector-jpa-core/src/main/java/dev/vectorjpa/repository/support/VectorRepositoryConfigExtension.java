package dev.vectorjpa.repository.support;

import org.springframework.data.jpa.repository.config.JpaRepositoryConfigExtension;

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

}
