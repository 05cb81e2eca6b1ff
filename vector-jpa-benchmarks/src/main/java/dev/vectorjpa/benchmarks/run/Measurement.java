package dev.vectorjpa.benchmarks.run;

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
 * @param bytesPerQuery bytes allocated per query on the client (Java heap), measured with one thread, else -1
 */
public record Measurement(String name, int threads, long queries, double qps, double p50Millis, double p99Millis,
		double recall, long bytesPerQuery) {

}
