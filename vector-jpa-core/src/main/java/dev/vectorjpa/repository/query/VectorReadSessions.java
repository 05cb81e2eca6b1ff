package dev.vectorjpa.repository.query;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.jdbc.BinaryVectorTransfer;
import dev.vectorjpa.jdbc.SearchSettings;
import dev.vectorjpa.repository.SearchOptions;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one transaction policy of every vector-jpa read (derived, inherited, filtered, hybrid, count): which session a
 * statement runs on, and what is set on its connection first.
 * <ul>
 * <li>Inside the caller's transaction: that transaction's session.</li>
 * <li>Outside any, with nothing to {@code SET LOCAL} and no row-level security: one auto-commit statement on a
 * short-lived read-only session, as Spring Data JPA's own queries run outside a transaction (saves the
 * {@code BEGIN}/{@code COMMIT} round trips on the hot path).</li>
 * <li>Otherwise a read-only transaction of its own ({@code SET LOCAL} and the row-level security setting are
 * transaction-local).</li>
 * </ul>
 * The work always receives the session it runs on: whatever depends on the session (its domain) is read from it, never
 * from the shared {@code EntityManager} proxy, which has no session outside a transaction.
 *
 * @since 0.1
 */
public final class VectorReadSessions {

	private final EntityManager entityManager;

	private final Supplier<TransactionTemplate> readOnlyTransaction;

	// row-level security reads the domain from a per-transaction setting: every read then needs a transaction
	private final boolean autoCommitReads;

	private final boolean binaryTransfer;

	/**
	 * Sessions of the persistence unit behind {@code entityManager}.
	 * @param entityManager the (shared) entity manager
	 * @param transactionManager the transaction manager used when no transaction is active
	 */
	public VectorReadSessions(EntityManager entityManager, Supplier<PlatformTransactionManager> transactionManager) {
		this.entityManager = entityManager;
		Map<String, Object> properties = entityManager.getEntityManagerFactory().getProperties();
		this.autoCommitReads = !VectorJpaSettings.rowLevelSecurity(properties);
		this.binaryTransfer = VectorJpaSettings.binaryTransfer(properties);
		this.readOnlyTransaction = SingletonSupplier.of(() -> {
			TransactionTemplate template = new TransactionTemplate(transactionManager.get());
			template.setReadOnly(true);
			return template;
		});
	}

	/** Runs {@code work} on a session as described above, with {@code options} (defaults applied) set first. */
	public <R> R read(SearchOptions options, Function<Session, R> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return run(this.entityManager.unwrap(Session.class), options, work);
		}
		if (options.isEmpty() && this.autoCommitReads) {
			EntityManager shortLived = this.entityManager.getEntityManagerFactory().createEntityManager();
			try {
				Session session = shortLived.unwrap(Session.class);
				// its entities are detached on return: no dirty-checking snapshot (a copy of every vector) is needed
				session.setDefaultReadOnly(true);
				return run(session, options, work);
			}
			finally {
				shortLived.close();
			}
		}
		return this.readOnlyTransaction.get()
			.execute((status) -> run(this.entityManager.unwrap(Session.class), options, work));
	}

	private <R> R run(Session session, SearchOptions options, Function<Session, R> work) {
		if (this.binaryTransfer || !options.isEmpty()) {
			// one trip through Hibernate's connection access for both
			session.doWork((connection) -> {
				if (this.binaryTransfer) {
					BinaryVectorTransfer.enable(connection);
				}
				SearchSettings.apply(connection, options);
			});
		}
		return work.apply(session);
	}

}
