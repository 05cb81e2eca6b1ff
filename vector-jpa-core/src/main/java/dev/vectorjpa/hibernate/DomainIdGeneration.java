package dev.vectorjpa.hibernate;

import java.util.EnumSet;

import dev.vectorjpa.mapping.DomainId;
import org.hibernate.PropertyValueException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.EventTypeSets;
import org.hibernate.generator.GeneratorCreationContext;

/**
 * Gives an inserted entity the session's current domain and rejects one that explicitly carries another.
 * <p>
 * Unlike Hibernate's {@code TenantIdGeneration}, a session without a domain (single-tenant, the "root" tenant of
 * {@link DomainTenantIdentifierResolver}) keeps whatever value the entity has, including {@code null}.
 *
 * @since 0.1
 */
public final class DomainIdGeneration implements BeforeExecutionGenerator {

	private final String entityName;

	private final String propertyName;

	private final String label;

	/** Created by Hibernate for each {@link DomainId} attribute. */
	public DomainIdGeneration(DomainId annotation, GeneratorCreationContext context) {
		this.entityName = (context.getPersistentClass() != null) ? context.getPersistentClass().getEntityName()
				: context.getProperty().getName();
		this.label = ((context.getPersistentClass() != null) ? context.getPersistentClass().getJpaEntityName()
				: "embeddable") + "." + context.getProperty().getName();
		this.propertyName = context.getProperty().getName();
	}

	@Override
	public EnumSet<EventType> getEventTypes() {
		return EventTypeSets.INSERT_ONLY;
	}

	@Override
	public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue,
			EventType eventType) {
		String domain = DomainTenantIdentifierResolver.domainOf(session.getTenantIdentifierValue());
		if (domain == null) {
			return currentValue;
		}
		if (currentValue != null && !domain.equals(currentValue)) {
			throw new PropertyValueException("@DomainId " + this.label + " of a new entity is '" + currentValue
					+ "' but the current domain is '" + domain + "'", this.entityName, this.propertyName);
		}
		return domain;
	}

}
