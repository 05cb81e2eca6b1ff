package dev.vectorjpa.tenancy;

import java.util.Optional;

/**
 * A resolver the tests switch between transactions, like a request-scoped one would.
 */
final class ThreadLocalDomainResolver implements DomainResolver {

	private final ThreadLocal<String> current = new ThreadLocal<>();

	@Override
	public Optional<String> currentDomain() {
		return Optional.ofNullable(this.current.get());
	}

	void set(String domain) {
		if (domain == null) {
			this.current.remove();
		}
		else {
			this.current.set(domain);
		}
	}

}
