package dev.vectorjpa.repository.support;

import java.util.function.BiConsumer;

import dev.vectorjpa.hibernate.DomainTenantIdentifierResolver;
import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.MappedAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.repository.query.QueryScope;
import jakarta.persistence.EntityManager;
import org.hibernate.SharedSessionContract;
import org.jspecify.annotations.Nullable;

/**
 * Restricts every statement vector-jpa generates for a {@code @DomainId} entity to the session's domain (the same
 * domain Hibernate's tenant filter uses for the plain JPA surface), ANDed with any scope the application configured.
 * <p>
 * The condition is {@code (domain_column = :vjpa_scope_domain or :vjpa_scope_all)}: with a domain, {@code all} is bound
 * {@code false}, which PostgreSQL folds away when it plans the statement with its values, leaving
 * {@code domain_column = 'acme'} (so a partitioned table is pruned to the domain's partition); without a domain
 * (single-tenant) {@code all} is {@code true} and nothing is restricted.
 */
final class DomainQueryScope implements QueryScope {

	private final EntityManager entityManager;

	private final QueryScope next;

	private DomainQueryScope(EntityManager entityManager, QueryScope next) {
		this.entityManager = entityManager;
		this.next = next;
	}

	/** {@code configured}, restricted to the current domain for {@code @DomainId} entities. */
	static QueryScope of(EntityManager entityManager, QueryScope configured) {
		return (configured instanceof DomainQueryScope) ? configured : new DomainQueryScope(entityManager, configured);
	}

	@Override
	public @Nullable Condition condition(EntityColumns columns) {
		Condition other = this.next.condition(columns);
		MappedAttribute domain = VectorEntityMetadata
			.of(this.entityManager.getEntityManagerFactory(), columns.entityType())
			.domain();
		if (domain == null) {
			return other;
		}
		String sql = "(" + EntityColumns.ROOT_ALIAS + "." + domain.column()
				+ " = :vjpa_scope_domain or :vjpa_scope_all)";
		return new Condition() {

			@Override
			public String sql() {
				return (other != null) ? sql + " and (" + other.sql() + ")" : sql;
			}

			@Override
			public void bind(BiConsumer<String, Object> binder) {
				throw new IllegalStateException("The domain condition is bound from the session the statement runs on");
			}

			@Override
			public void bind(SharedSessionContract session, BiConsumer<String, Object> binder) {
				// the session running the statement, not the shared EntityManager: outside a transaction that one
				// has no session to read the domain from
				String current = DomainTenantIdentifierResolver.domainOf(session.getTenantIdentifierValue());
				binder.accept("vjpa_scope_domain", (current != null) ? current : "");
				binder.accept("vjpa_scope_all", current == null);
				if (other != null) {
					other.bind(session, binder);
				}
			}

		};
	}

}
