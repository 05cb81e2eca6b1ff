package dev.vectorjpa.hibernate;

import java.util.Optional;

import dev.vectorjpa.tenancy.DomainResolver;
import jakarta.persistence.EntityManager;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's view of a {@link DomainResolver}: the current domain becomes the session's tenant identifier, and "no
 * domain" becomes the root tenant {@link #NO_DOMAIN} (the empty string, never a valid domain), for which Hibernate
 * enables no tenant filter, so that absence means single-tenant with nothing scoped.
 *
 * @since 0.1
 */
public final class DomainTenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

	/** The tenant identifier of a session without a domain: Hibernate's root tenant, nothing is scoped. */
	public static final String NO_DOMAIN = "";

	private final DomainResolver domainResolver;

	/** A resolver reading the current domain from {@code domainResolver} whenever a session opens. */
	public DomainTenantIdentifierResolver(DomainResolver domainResolver) {
		this.domainResolver = domainResolver;
	}

	@Override
	public String resolveCurrentTenantIdentifier() {
		Optional<String> domain = this.domainResolver.currentDomain();
		return (domain != null && domain.isPresent() && !domain.get().isBlank()) ? domain.get() : NO_DOMAIN;
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		return true;
	}

	@Override
	public boolean isRoot(String tenantId) {
		return NO_DOMAIN.equals(tenantId);
	}

	/**
	 * The domain of the session behind {@code entityManager} (fixed when it opened), or empty when it has none; native
	 * SQL written for {@code @DomainId} entities must add {@code domain_column = ?} with this value.
	 */
	public static Optional<String> currentDomain(EntityManager entityManager) {
		return Optional.ofNullable(
				domainOf(entityManager.unwrap(SharedSessionContractImplementor.class).getTenantIdentifierValue()));
	}

	/** The domain a session's tenant identifier stands for, or {@code null} for none (single-tenant). */
	public static @Nullable String domainOf(@Nullable Object tenantIdentifier) {
		return (tenantIdentifier instanceof String domain && !domain.isEmpty()) ? domain : null;
	}

}
