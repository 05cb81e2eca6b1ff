package dev.vectorjpa.tenancy;

import java.util.Optional;

/**
 * A resolver the tests switch per thread and between transactions, like a request-scoped one would.
 */
public final class ThreadLocalDomainResolver implements DomainResolver {

	private final ThreadLocal<String> current = new ThreadLocal<>();

	@Override
	public Optional<String> currentDomain() {
		return Optional.ofNullable(this.current.get());
	}

	public void set(String domain) {
		if (domain == null) {
			this.current.remove();
		}
		else {
			this.current.set(domain);
		}
	}

}
