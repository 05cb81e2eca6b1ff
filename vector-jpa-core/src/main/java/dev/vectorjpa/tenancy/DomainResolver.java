package dev.vectorjpa.tenancy;

import java.util.Optional;

/**
 * Supplies the current domain (tenant); every operation on an entity with a {@code @DomainId} is scoped to it.
 * An empty result means single-tenant: nothing is scoped.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DomainResolver {

	/** The current domain, or empty for none. */
	Optional<String> currentDomain();

	/** A resolver that always returns {@code domain} (or none when it is null or blank). */
	static DomainResolver fixed(String domain) {
		Optional<String> value = (domain == null || domain.isBlank()) ? Optional.empty() : Optional.of(domain);
		return () -> value;
	}

	/** A resolver with no domain: single-tenant. */
	static DomainResolver none() {
		return Optional::empty;
	}

}
