package dev.vectorjpa.index;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Index work that follows a write (an IVFFlat threshold check, an automatic build): it runs only once the write is
 * committed and never fails or blocks the call whose data is committed; a failure is logged.
 * <p>
 * The work needs a connection of its own. Outside a transaction it runs at once, after the write's connection went
 * back to the pool. Inside a caller's transaction that connection stays held until the caller's transaction is
 * cleaned up, after every synchronization callback: running there would wait for a second connection (with a pool of
 * one, for ever), so the work is handed to a background thread instead.
 *
 * @since 0.1
 */
public final class IndexWorkAfterCommit {

	private static final Log logger = LogFactory.getLog(IndexWorkAfterCommit.class);

	private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "vector-jpa-index-after-commit");
		thread.setDaemon(true);
		return thread;
	});

	private IndexWorkAfterCommit() {
	}

	/**
	 * Runs {@code work} now when no transaction synchronization is active, else in the background once the current
	 * transaction has committed (not at all when it rolls back).
	 * @param description what the work does, for the log
	 */
	public static void run(String description, Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			runLogged(description, work);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					BACKGROUND.execute(() -> runLogged(description, work));
				}
			}
		});
	}

	private static void runLogged(String description, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			logger.warn(description + " failed (the written rows are committed): " + ex.getMessage(), ex);
		}
	}

}
