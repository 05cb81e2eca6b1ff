package dev.vectorjpa.reliability;

import java.util.Optional;

import dev.vectorjpa.tenancy.DomainResolver;

/** A domain the tests switch per thread, like a request-scoped resolver. */
final class ThreadLocalDomains implements DomainResolver {

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
