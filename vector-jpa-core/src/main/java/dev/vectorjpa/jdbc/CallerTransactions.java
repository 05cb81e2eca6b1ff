package dev.vectorjpa.jdbc;

import jakarta.persistence.EntityTransaction;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the caller's Spring-managed transaction rollback-only when a call that joined it fails, as a repository
 * method joining with {@code @Transactional} does: a caller that catches the exception and commits then gets an
 * {@code UnexpectedRollbackException} instead of a partial write.
 *
 * @since 0.1
 */
public final class CallerTransactions {

	private CallerTransactions() {
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
