package dev.vectorjpa.jdbc;

import java.util.function.Supplier;

import jakarta.persistence.EntityTransaction;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The two things vector-jpa's own calls need from Spring's transactions beyond {@code TransactionTemplate}: marking the
 * caller's transaction rollback-only when a call that joined it fails, as a repository method joining with
 * {@code @Transactional} does (a caller that catches the exception and commits then gets an
 * {@code UnexpectedRollbackException} instead of a partial write); and running work in a transaction of its own whose
 * failure is reported as itself even when the rollback fails too (a connection the server terminated).
 *
 * @since 0.1
 */
public final class SpringTransactions {

	private SpringTransactions() {
	}

	/**
	 * Runs {@code work} in a transaction of {@code transactionManager} (joining one that is active), committing on
	 * success and rolling back on failure. Unlike {@code TransactionTemplate}, a rollback that fails as well (the
	 * connection is gone) does not replace the work's exception ("Unable to rollback"): it is added to it as suppressed.
	 */
	public static <T> T execute(PlatformTransactionManager transactionManager, TransactionDefinition definition,
			Supplier<T> work) {
		TransactionStatus status = transactionManager.getTransaction(definition);
		T result;
		try {
			result = work.get();
		}
		catch (RuntimeException | Error ex) {
			try {
				transactionManager.rollback(status);
			}
			catch (RuntimeException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
			throw ex;
		}
		transactionManager.commit(status);
		return result;
	}

	/**
	 * Marks the current transaction rollback-only; does nothing outside a transaction.
	 * <p>
	 * Written here because a call that joins a transaction without running through a {@code TransactionInterceptor}
	 * has no {@code TransactionStatus}: the transaction managers read the global flag from the resources they bound
	 * (the {@code EntityTransaction} for JPA, the {@link ConnectionHolder} for JDBC), so it is set on those, and the
	 * caller's commit fails loudly rather than rolling back in silence.
	 */
	public static void markRollbackOnly() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
			if (resource instanceof EntityManagerHolder holder) {
				holder.setRollbackOnly();
				EntityTransaction transaction = holder.getEntityManager().getTransaction();
				if (transaction.isActive()) {
					transaction.setRollbackOnly();
				}
			}
			else if (resource instanceof ConnectionHolder holder) {
				holder.setRollbackOnly();
			}
		}
	}

}
