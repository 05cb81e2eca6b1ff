package dev.vectorjpa.benchmarks.run;

import java.util.Arrays;
import java.util.List;

/**
 * What one timed run of a {@link Searcher} measured.
 *
 * @param name the searcher
 * @param threads concurrent client threads
 * @param queries queries timed
 * @param qps queries per second over the whole run
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param recall mean recall@k over the timed queries
 * @param rowsPerQuery mean number of rows a query returned
 * @param bytesPerQuery bytes allocated per query on the client (Java heap), measured with one thread, else -1
 * @param cpuMicrosPerQuery client CPU time per query (the calling thread), measured with one thread, else -1
 * @param seconds the timed wall-clock seconds
 * @param latencies every query's latency in nanoseconds, sorted
 */
public record Measurement(String name, int threads, long queries, double qps, double p50Millis, double p99Millis,
		double recall, double rowsPerQuery, long bytesPerQuery, double cpuMicrosPerQuery, double seconds, long[] latencies) {

	/** A measurement from its samples. */
	static Measurement of(String name, int threads, long[] sortedLatencies, double seconds, double recallSum,
			long rowsSum, long allocatedBytes, long cpuNanos) {
		long total = sortedLatencies.length;
		boolean single = threads == 1 && total > 0;
		return new Measurement(name, threads, total, total / seconds, percentile(sortedLatencies, 0.50),
				percentile(sortedLatencies, 0.99), (total > 0) ? recallSum / total : 0,
				(total > 0) ? rowsSum / (double) total : 0,
				(single && allocatedBytes >= 0) ? allocatedBytes / total : -1,
				(single && cpuNanos >= 0) ? cpuNanos / 1e3 / total : -1, seconds, sortedLatencies);
	}

	/**
	 * Several timed runs of the same searcher as one: queries and seconds add up, percentiles come from all samples.
	 * (Interleaving short runs of competitors spreads slow drifts of a shared machine over all of them.)
	 */
	public static Measurement merge(List<Measurement> runs) {
		Measurement first = runs.get(0);
		long[] all = runs.stream().flatMapToLong((m) -> Arrays.stream(m.latencies())).sorted().toArray();
		double seconds = runs.stream().mapToDouble(Measurement::seconds).sum();
		double recallSum = runs.stream().mapToDouble((m) -> m.recall() * m.queries()).sum();
		long rowsSum = Math.round(runs.stream().mapToDouble((m) -> m.rowsPerQuery() * m.queries()).sum());
		long allocated = runs.stream().allMatch((m) -> m.bytesPerQuery() >= 0)
				? runs.stream().mapToLong((m) -> m.bytesPerQuery() * m.queries()).sum() : -1;
		long cpu = runs.stream().allMatch((m) -> m.cpuMicrosPerQuery() >= 0)
				? Math.round(runs.stream().mapToDouble((m) -> m.cpuMicrosPerQuery() * 1e3 * m.queries()).sum()) : -1;
		return of(first.name(), first.threads(), all, seconds, recallSum, rowsSum, allocated, cpu);
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}
