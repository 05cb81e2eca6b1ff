package dev.vectorjpa.hibernate;

import java.lang.reflect.AnnotatedElement;
import java.util.Map;

import dev.vectorjpa.mapping.DomainId;
import org.hibernate.boot.SessionFactoryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.boot.spi.SessionFactoryBuilderFactory;
import org.hibernate.boot.spi.SessionFactoryBuilderImplementor;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.jspecify.annotations.Nullable;

/**
 * Installs a {@link DomainTenantIdentifierResolver} built from the domain settings of {@link VectorJpaSettings} on
 * every session factory that has {@code @DomainId} entities or a domain setting.
 * <p>
 * It configures Hibernate's default builder and returns {@code null}, so that it never counts as a competing
 * {@code SessionFactoryBuilderFactory}. Without it, Hibernate would refuse to open a session without a tenant
 * identifier as soon as one entity carries the tenant filter.
 *
 * @since 0.1
 */
public final class DomainSessionFactoryBuilderFactory implements SessionFactoryBuilderFactory {

	@Override
	public @Nullable SessionFactoryBuilder getSessionFactoryBuilder(MetadataImplementor metadata,
			SessionFactoryBuilderImplementor defaultBuilder) {
		Map<String, Object> settings = metadata.getMetadataBuildingOptions()
			.getServiceRegistry()
			.requireService(ConfigurationService.class)
			.getSettings();
		boolean configured = DomainSettings.configured(settings);
		if (!configured && !hasDomainId(metadata)) {
			return null;
		}
		CurrentTenantIdentifierResolver<Object> existing = defaultBuilder.buildSessionFactoryOptions()
			.getCurrentTenantIdentifierResolver();
		if (existing != null && !((Object) existing instanceof DomainTenantIdentifierResolver)) {
			if (configured) {
				throw new IllegalStateException("Both a Hibernate CurrentTenantIdentifierResolver ("
						+ existing.getClass().getName() + ") and vector-jpa's domain setting ('"
						+ VectorJpaSettings.DOMAIN_RESOLVER + "' or '" + VectorJpaSettings.DOMAIN
						+ "') are configured: use one of them");
			}
			// The application scopes with Hibernate's own tenant identifier: @DomainId follows it.
			return null;
		}
		if (existing == null) {
			defaultBuilder.applyCurrentTenantIdentifierResolver(
					new DomainTenantIdentifierResolver(DomainSettings.resolver(settings)));
		}
		return null;
	}

	private static boolean hasDomainId(MetadataImplementor metadata) {
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null) {
				continue;
			}
			for (Property property : entity.getPropertyClosure()) {
				try {
					if (property.getGetter(type).getMember() instanceof AnnotatedElement member
							&& member.isAnnotationPresent(DomainId.class)) {
						return true;
					}
				}
				catch (RuntimeException ex) {
					// not a Java member (dynamic model): cannot carry @DomainId
				}
			}
		}
		return false;
	}

}
