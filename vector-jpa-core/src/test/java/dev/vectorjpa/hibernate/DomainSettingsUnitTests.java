package dev.vectorjpa.hibernate;

import java.util.Map;
import java.util.Optional;

import dev.vectorjpa.tenancy.DomainResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Reading the domain settings, and the tenant identifiers they become.
 */
class DomainSettingsUnitTests {

	@Test
	void resolverSettingWinsOverTheFixedDomain() {
		DomainResolver resolver = () -> Optional.of("from-resolver");
		assertThat(DomainSettings.resolver(Map.of(VectorJpaSettings.DOMAIN_RESOLVER, resolver,
				VectorJpaSettings.DOMAIN, "fixed"))).isSameAs(resolver);
	}

	@Test
	void fixedDomainIsUsedWithoutResolver() {
		assertThat(DomainSettings.resolver(Map.of(VectorJpaSettings.DOMAIN, "acme")).currentDomain()).contains("acme");
		assertThat(DomainSettings.resolver(Map.of(VectorJpaSettings.DOMAIN, " ")).currentDomain()).isEmpty();
		assertThat(DomainSettings.resolver(Map.of()).currentDomain()).isEmpty();
		assertThat(DomainSettings.configured(Map.of())).isFalse();
		assertThat(DomainSettings.configured(Map.of(VectorJpaSettings.DOMAIN, "acme"))).isTrue();
	}

	@Test
	void resolverCanBeAClassName() {
		assertThat(DomainSettings.resolver(Map.of(VectorJpaSettings.DOMAIN_RESOLVER, Globex.class.getName()))
			.currentDomain()).contains("globex");
		assertThat(DomainSettings.resolver(Map.of(VectorJpaSettings.DOMAIN_RESOLVER, Globex.class)).currentDomain())
			.contains("globex");
	}

	@Test
	void badResolverSettingsAreNamed() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DomainSettings.resolver(Map.of(VectorJpaSettings.DOMAIN_RESOLVER, "com.example.Nope")))
			.withMessage("Property 'vector-jpa.domain-resolver' names class 'com.example.Nope', which is not on the "
					+ "class path");
		assertThatIllegalStateException()
			.isThrownBy(() -> DomainSettings.resolver(Map.of(VectorJpaSettings.DOMAIN_RESOLVER, String.class)))
			.withMessage("Property 'vector-jpa.domain-resolver' must be a dev.vectorjpa.tenancy.DomainResolver, "
					+ "got java.lang.String");
		assertThatIllegalStateException()
			.isThrownBy(() -> DomainSettings.rowLevelSecurity(Map.of(VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY, "yes")))
			.withMessage("Property 'vector-jpa.domain-row-level-security' must be true or false, got 'yes'");
		assertThat(DomainSettings.rowLevelSecurity(Map.of(VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY, "TRUE")))
			.isTrue();
		assertThat(DomainSettings.rowLevelSecurity(Map.of())).isFalse();
	}

	@Test
	void noDomainIsTheRootTenant() {
		DomainTenantIdentifierResolver resolver = new DomainTenantIdentifierResolver(DomainResolver.none());
		assertThat(resolver.resolveCurrentTenantIdentifier()).isEmpty();
		assertThat(resolver.isRoot(resolver.resolveCurrentTenantIdentifier())).isTrue();
		assertThat(DomainTenantIdentifierResolver.domainOf("")).isNull();
		DomainTenantIdentifierResolver acme = new DomainTenantIdentifierResolver(DomainResolver.fixed("acme"));
		assertThat(acme.resolveCurrentTenantIdentifier()).isEqualTo("acme");
		assertThat(acme.isRoot("acme")).isFalse();
		assertThat(DomainTenantIdentifierResolver.domainOf("acme")).isEqualTo("acme");
		assertThat(new DomainTenantIdentifierResolver(() -> Optional.of("  ")).resolveCurrentTenantIdentifier())
			.isEmpty();
	}

	@Test
	void policyComparesTheDomainColumnWithTheTransactionSetting() {
		assertThat(DomainRowLevelSecurity.policyDdl("app.notes", "\"Domain\"")).containsExactly(
				"alter table app.notes enable row level security", "alter table app.notes force row level security",
				"create policy vector_jpa_domain on app.notes using (\"Domain\" = current_setting('vector_jpa.domain', "
						+ "true)) with check (\"Domain\" = current_setting('vector_jpa.domain', true))");
	}

	public static class Globex implements DomainResolver {

		@Override
		public Optional<String> currentDomain() {
			return Optional.of("globex");
		}

	}

}
