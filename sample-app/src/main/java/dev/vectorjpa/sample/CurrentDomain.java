package dev.vectorjpa.sample;

import java.util.Optional;
import java.util.function.Supplier;

import dev.vectorjpa.tenancy.DomainResolver;

/**
 * The domain of the current request or ingestion run: every repository call on {@code @DomainId} entities is scoped to
 * it. A web filter sets it from the {@code X-Domain} header.
 */
public final class CurrentDomain implements DomainResolver {

	private final ThreadLocal<String> current = new ThreadLocal<>();

	@Override
	public Optional<String> currentDomain() {
		return Optional.ofNullable(this.current.get());
	}

	/** Runs {@code work} with {@code domain} current. */
	public <T> T call(String domain, Supplier<T> work) {
		String previous = this.current.get();
		this.current.set(domain);
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				this.current.set(previous);
			}
			else {
				this.current.remove();
			}
		}
	}

}
