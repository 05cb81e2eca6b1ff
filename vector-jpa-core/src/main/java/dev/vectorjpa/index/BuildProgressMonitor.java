package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Polls {@code pg_stat_progress_create_index} for one build from a second connection, which is only opened once the
 * first interval has passed so that quick builds never take a second connection.
 */
final class BuildProgressMonitor implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(VectorIndexManager.class);

	private static final String PROGRESS_SQL = """
			SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total
			FROM pg_stat_progress_create_index WHERE pid = ?""";

	private final DataSource dataSource;

	private final int pid;

	private final String indexName;

	private final @Nullable Consumer<IndexBuildProgress> listener;

	private final long startNanos = System.nanoTime();

	private final ScheduledExecutorService executor;

	private @Nullable Connection connection;

	private BuildProgressMonitor(DataSource dataSource, int pid, String indexName, Duration interval,
			@Nullable Consumer<IndexBuildProgress> listener) {
		this.dataSource = dataSource;
		this.pid = pid;
		this.indexName = indexName;
		this.listener = listener;
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "vector-jpa-index-progress-" + indexName);
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, interval.toMillis());
		this.executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** Starts polling the build running in backend {@code pid}. */
	static BuildProgressMonitor start(DataSource dataSource, int pid, String indexName, Duration interval,
			@Nullable Consumer<IndexBuildProgress> listener) {
		return new BuildProgressMonitor(dataSource, pid, indexName, interval, listener);
	}

	private void poll() {
		try {
			if (this.connection == null) {
				this.connection = this.dataSource.getConnection();
				this.connection.setAutoCommit(true);
			}
			try (PreparedStatement statement = this.connection.prepareStatement(PROGRESS_SQL)) {
				statement.setInt(1, this.pid);
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next()) {
						report(new IndexBuildProgress(this.indexName, rs.getString(1), rs.getLong(2), rs.getLong(3),
								rs.getLong(4), rs.getLong(5), Duration.ofNanos(System.nanoTime() - this.startNanos)));
					}
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			// Progress is informational: a failing poll must never disturb the build itself.
			logger.debug("Could not read progress of index build " + this.indexName, ex);
		}
	}

	private void report(IndexBuildProgress progress) {
		if (logger.isInfoEnabled()) {
			double percent = progress.percentDone();
			logger.info("Building index " + progress.indexName() + ": " + progress.phase()
					+ ((percent >= 0) ? String.format(" %.1f%%", percent) : "") + " (blocks " + progress.blocksDone()
					+ "/" + progress.blocksTotal() + ", tuples " + progress.tuplesDone() + "/"
					+ progress.tuplesTotal() + ", " + progress.elapsed().toSeconds() + " s)");
		}
		if (this.listener != null) {
			this.listener.accept(progress);
		}
	}

	@Override
	public void close() {
		// shutdown() cancels the periodic poll but lets one in flight finish with its connection.
		this.executor.shutdown();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Connection connection = this.connection;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close index progress connection", ex);
			}
		}
	}

}
