package dev.vectorjpa.index;

import java.time.Duration;

/**
 * A snapshot of a running index build, read from {@code pg_stat_progress_create_index}.
 *
 * @param indexName the index being built
 * @param phase the build phase as PostgreSQL reports it, e.g. {@code building index: loading tuples}
 * @param blocksDone table blocks processed in this phase
 * @param blocksTotal table blocks to process in this phase (0 when the phase does not count blocks)
 * @param tuplesDone tuples processed in this phase
 * @param tuplesTotal tuples to process in this phase (0 when unknown)
 * @param elapsed time since the build started
 * @since 0.1
 */
public record IndexBuildProgress(String indexName, String phase, long blocksDone, long blocksTotal, long tuplesDone,
		long tuplesTotal, Duration elapsed) {

	/** Percentage done in the current phase (blocks, else tuples), or -1 when PostgreSQL gives no total. */
	public double percentDone() {
		if (this.blocksTotal > 0) {
			return 100.0 * this.blocksDone / this.blocksTotal;
		}
		if (this.tuplesTotal > 0) {
			return 100.0 * this.tuplesDone / this.tuplesTotal;
		}
		return -1;
	}

}
