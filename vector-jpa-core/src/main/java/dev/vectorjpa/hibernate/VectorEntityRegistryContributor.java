package dev.vectorjpa.hibernate;

import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceRegistryBuilder;

/**
 * Gives every session factory its own {@link VectorEntityRegistry} (found through {@code META-INF/services}).
 *
 * @since 0.1
 */
public final class VectorEntityRegistryContributor implements SessionFactoryServiceContributor {

	@Override
	public void contribute(SessionFactoryServiceRegistryBuilder serviceRegistryBuilder) {
		serviceRegistryBuilder.addService(VectorEntityRegistry.class, new VectorEntityRegistry());
	}

}
