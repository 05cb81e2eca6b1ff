package dev.vectorjpa.repository.support;

import java.util.function.BiConsumer;

import dev.vectorjpa.hibernate.DomainTenantIdentifierResolver;
import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.MappedAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.repository.query.QueryScope;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

/**
 * Restricts every statement vector-jpa generates for one {@code @DomainId} entity to the session's domain (the domain
 * Hibernate's tenant filter uses for the plain JPA surface), ANDed with the scope the application configured.
 * <p>
 * The condition is {@code (domain_column = :vjpa_scope_domain or :vjpa_scope_all)}, so one statement serves both
 * cases: with a domain, {@code all} is bound {@code false}, which PostgreSQL folds away when it plans the statement
 * with its values, leaving {@code domain_column = 'acme'} (a partitioned table is pruned to the domain's partition);
 * without a domain (single-tenant) {@code all} is {@code true} and nothing is restricted.
 */
final class DomainQueryScope implements QueryScope {

	private final EntityManager entityManager;

	private final String condition;

	private final QueryScope next;

	private DomainQueryScope(EntityManager entityManager, MappedAttribute domain, QueryScope next) {
		this.entityManager = entityManager;
		this.condition = "(" + EntityColumns.ROOT_ALIAS + "." + domain.column()
				+ " = :vjpa_scope_domain or :vjpa_scope_all)";
		this.next = next;
	}

	/** {@code configured}, restricted to the current domain when {@code entityType} has a {@code @DomainId}. */
	static QueryScope of(EntityManager entityManager, Class<?> entityType, QueryScope configured) {
		MappedAttribute domain = VectorEntityMetadata.of(entityManager.getEntityManagerFactory(), entityType).domain();
		return (domain != null) ? new DomainQueryScope(entityManager, domain, configured) : configured;
	}

	@Override
	public @Nullable String condition(EntityColumns columns) {
		String other = this.next.condition(columns);
		return (other != null) ? this.condition + " AND (" + other + ")" : this.condition;
	}

	@Override
	public void bind(BiConsumer<String, Object> binder) {
		String domain = DomainTenantIdentifierResolver.currentDomain(this.entityManager).orElse(null);
		binder.accept("vjpa_scope_domain", (domain != null) ? domain : "");
		binder.accept("vjpa_scope_all", domain == null);
		this.next.bind(binder);
	}

}
