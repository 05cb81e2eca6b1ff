package dev.vectorjpa.hibernate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.service.Service;
import org.jspecify.annotations.Nullable;

/**
 * The vector metadata model of one session factory: every entity's {@link VectorEntityMetadata}, read once from
 * Hibernate's boot model by {@link VectorJpaIntegrator}. A session-factory-scoped Hibernate service (contributed by
 * {@link VectorEntityRegistryContributor}), so it lives and dies with its factory and needs no static map.
 *
 * @since 0.1
 */
public final class VectorEntityRegistry implements Service {

	private volatile Map<Class<?>, VectorEntityMetadata> entities = Map.of();

	private volatile boolean rowLevelSecurity;

	private volatile @Nullable EntityEmbeddings embeddings;

	/**
	 * The registry of {@code sessionFactory}.
	 * @throws IllegalStateException when vector-jpa's Hibernate integration did not run for it
	 */
	public static VectorEntityRegistry of(SessionFactoryImplementor sessionFactory) {
		VectorEntityRegistry registry = sessionFactory.getServiceRegistry().getService(VectorEntityRegistry.class);
		if (registry == null) {
			throw new IllegalStateException("vector-jpa's Hibernate integration is not active for this session "
					+ "factory (is vector-jpa-core's META-INF/services on the class path?)");
		}
		return registry;
	}

	void register(Map<Class<?>, VectorEntityMetadata> entities, boolean rowLevelSecurity) {
		this.entities = Map.copyOf(entities);
		this.rowLevelSecurity = rowLevelSecurity;
	}

	/**
	 * The metadata of {@code type} or of its nearest entity superclass.
	 * @throws IllegalArgumentException when it is not an entity of this persistence unit
	 */
	public VectorEntityMetadata get(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			VectorEntityMetadata metadata = this.entities.get(candidate);
			if (metadata != null) {
				return metadata;
			}
		}
		throw new IllegalArgumentException(type.getName() + " is not an entity of this persistence unit");
	}

	void registerEmbeddings(@Nullable EntityEmbeddings embeddings) {
		this.embeddings = embeddings;
	}

	/** The embedding side of this session factory, empty when no embedding model is configured. */
	public Optional<EntityEmbeddings> embeddings() {
		return Optional.ofNullable(this.embeddings);
	}

	/** Every entity, in no particular order. */
	public List<VectorEntityMetadata> all() {
		return List.copyOf(this.entities.values());
	}

	/** Whether {@link VectorJpaSettings#DOMAIN_ROW_LEVEL_SECURITY} is on for this session factory. */
	public boolean rowLevelSecurity() {
		return this.rowLevelSecurity;
	}

}
