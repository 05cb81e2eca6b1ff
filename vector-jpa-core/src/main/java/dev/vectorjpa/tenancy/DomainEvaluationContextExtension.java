package dev.vectorjpa.tenancy;

import org.jspecify.annotations.Nullable;
import org.springframework.data.spel.spi.EvaluationContextExtension;

/**
 * Makes the current domain available to SpEL in Spring Data queries, so that native {@code @Query} SQL (which
 * vector-jpa cannot rewrite) can scope itself: {@code where domain = :#{domain}}. Register it as a bean (the Spring
 * Boot starter does).
 *
 * @since 0.1
 */
public class DomainEvaluationContextExtension implements EvaluationContextExtension {

	/** The extension id, which also qualifies the property: {@code :#{vectorJpa.domain}}. */
	public static final String EXTENSION_ID = "vectorJpa";

	private final Root root;

	/** An extension reading the current domain from {@code domainResolver} each time a query runs. */
	public DomainEvaluationContextExtension(DomainResolver domainResolver) {
		this.root = new Root(domainResolver);
	}

	@Override
	public String getExtensionId() {
		return EXTENSION_ID;
	}

	@Override
	public Object getRootObject() {
		return this.root;
	}

	/** The SpEL root object: its properties are what a query expression can name. */
	public static final class Root {

		private final DomainResolver domainResolver;

		Root(DomainResolver domainResolver) {
			this.domainResolver = domainResolver;
		}

		/** The current domain, or {@code null} when there is none. */
		public @Nullable String getDomain() {
			return this.domainResolver.currentDomain().filter((domain) -> !domain.isBlank()).orElse(null);
		}

	}

}
