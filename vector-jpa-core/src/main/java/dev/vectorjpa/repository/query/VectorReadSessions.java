package dev.vectorjpa.repository.query;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.jdbc.BinaryVectorTransfer;
import dev.vectorjpa.jdbc.SearchSettings;
import dev.vectorjpa.jdbc.SpringTransactions;
import dev.vectorjpa.repository.SearchOptions;
import jakarta.persistence.EntityManager;
import org.hibernate.ConnectionReleaseMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
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
 * Vectors are sent (the query vector) and received (the rows') in binary for the statement (see
 * {@link BinaryVectorTransfer#transferring}) unless {@code vector-jpa.binary-transfer} switched the connections for
 * good, or the connection may be released after each statement (JTA's default), where the scope could outlive the
 * connection it was opened on.
 * The work always receives the session it runs on: whatever depends on the session (its domain) is read from it, never
 * from the shared {@code EntityManager} proxy, which has no session outside a transaction.
 *
 * @since 0.1
 */
public final class VectorReadSessions {

	private static final TransactionDefinition READ_ONLY = readOnly();

	private final EntityManager entityManager;

	private final Supplier<PlatformTransactionManager> transactionManager;

	// row-level security reads the domain from a per-transaction setting: every read then needs a transaction
	private final boolean autoCommitReads;

	private final boolean binaryTransfer;

	// Hibernate's own factory, not Spring's proxy of it: Spring wraps every EntityManager that proxy creates in a new
	// JDK proxy (an application-managed one that would join transactions), which took ~40 % of the client samples of
	// a search outside a transaction; this branch runs outside any transaction, so there is nothing to join. (Spring's
	// proxy implements SessionFactory itself, so unwrap(SessionFactory.class) returns the proxy: ask for the
	// implementor, which only the native factory is.)
	private final SessionFactory sessionFactory;

	// binary transfer for the statement only needs the connection to stay the same until the scope closes
	private final boolean binaryScope;

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
		this.transactionManager = SingletonSupplier.of(transactionManager);
		this.sessionFactory = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class);
		this.binaryScope = !this.binaryTransfer && entityManager.getEntityManagerFactory()
			.unwrap(SessionFactoryImplementor.class)
			.getSessionFactoryOptions()
			.getPhysicalConnectionHandlingMode()
			.getReleaseMode() != ConnectionReleaseMode.AFTER_STATEMENT;
	}

	/** Runs {@code work} on a session as described above, with {@code options} (defaults applied) set first. */
	public <R> R read(SearchOptions options, Function<Session, R> work) {
		return read(options, (session, detached) -> work.apply(session));
	}

	/**
	 * Runs {@code work} on a session as described above, with {@code options} (defaults applied) set first, telling
	 * it whether the entities it loads leave the call detached (no caller's transaction: the session, or the
	 * transaction of its own, ends with the call).
	 */
	public <R> R read(SearchOptions options, Work<R> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return run(transactionalSession(), options, (session) -> work.apply(session, false));
		}
		if (!options.hasServerSettings() && this.autoCommitReads) {
			EntityManager shortLived = this.sessionFactory.createEntityManager();
			try {
				Session session = shortLived.unwrap(Session.class);
				// its entities are detached on return: no dirty-checking snapshot (a copy of every vector) is needed
				session.setDefaultReadOnly(true);
				// and so is its connection, before its first statement: a LazyConnectionDataSourceProxy with a
				// read-only data source (vector-jpa.read-replica.*) then takes it from the replica
				session.doWork((connection) -> connection.setReadOnly(true));
				return run(session, options, (s) -> work.apply(s, true));
			}
			finally {
				shortLived.close();
			}
		}
		// not TransactionTemplate: on a connection the server terminated its failed rollback would hide the cause
		return SpringTransactions.execute(this.transactionManager.get(), READ_ONLY,
				() -> run(transactionalSession(), options, (session) -> work.apply(session, true)));
	}

	/**
	 * The session of the current transaction. Not {@code unwrap(Session.class)}: a shared EntityManager of a factory
	 * built by Spring's {@code HibernateJpaVendorAdapter} implements {@code Session} itself and would return itself,
	 * a proxy without Hibernate's internals; it implements no {@code SessionImplementor}, so asking for that reaches
	 * the transaction's own session.
	 */
	private Session transactionalSession() {
		return this.entityManager.unwrap(SessionImplementor.class);
	}

	/** Work on a read session. */
	@FunctionalInterface
	public interface Work<R> {

		/** The work's result; {@code detached}: whether what it loads is detached when the call returns. */
		R apply(Session session, boolean detached);

	}

	private static TransactionDefinition readOnly() {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setReadOnly(true);
		return definition;
	}

	private <R> R run(Session session, SearchOptions options, Function<Session, R> work) {
		if (this.binaryTransfer || options.hasServerSettings()) {
			// one trip through Hibernate's connection access for both
			session.doWork((connection) -> {
				if (this.binaryTransfer) {
					BinaryVectorTransfer.enable(connection);
				}
				SearchSettings.apply(connection, options);
			});
		}
		if (!this.binaryScope) {
			return work.apply(session);
		}
		// vectors of this statement's rows arrive in binary (no text formatting on the server, no parsing here), while
		// the pooled connection stays as it was for everybody else; Hibernate holds the connection for the whole work
		return session.doReturningWork((connection) -> {
			try (BinaryVectorTransfer.Scope binary = BinaryVectorTransfer.transferring(connection)) {
				return work.apply(session);
			}
		});
	}

}
