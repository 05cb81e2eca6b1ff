package dev.vectorjpa.benchmarks;

/**
 * Benchmark sizes: {@code small} checks the harness end to end in a minute, {@code default} is the published run
 * (under 30 minutes on 2 cores), {@code large} the 1M-row synthetic variant.
 *
 * @param syntheticRows rows of each synthetic data set (384 and 1536 dims)
 * @param syntheticQueries queries of each synthetic data set
 * @param fashionRows Fashion-MNIST base rows used (60,000 is the whole set)
 * @param fashionQueries Fashion-MNIST queries used for the recall curves (10,000 is the whole set)
 * @param ingestRows rows each ingest competitor writes (384 dims; half of it at 1536 dims; at most the synthetic row count)
 * @param threads client thread counts for the query comparison
 * @param seconds timed seconds per query configuration
 * @param warmup warm-up queries before each timed run
 * @param efSearch HNSW ef_search values of the recall curve
 * @param probes IVFFlat probes of the recall curve
 */
public record Scale(String name, int syntheticRows, int syntheticQueries, int fashionRows, int fashionQueries,
		int ingestRows, int[] threads, double seconds, int warmup, int[] efSearch, int[] probes) {

	/** The scale named {@code name}. */
	public static Scale of(String name) {
		switch (name) {
			case "small":
				return new Scale(name, 5_000, 200, 5_000, 200, 2_000, new int[] { 1 }, 1.5, 50, new int[] { 10, 40, 200 },
						new int[] { 1, 4, 16 });
			case "default":
				return new Scale(name, 100_000, 1_000, 60_000, 1_000, 100_000, new int[] { 1, 2, 4, 8 }, 5, 300,
						new int[] { 10, 20, 40, 80, 120, 200, 400 }, new int[] { 1, 2, 4, 8, 16, 32, 64 });
			case "large":
				return new Scale(name, 1_000_000, 1_000, 60_000, 10_000, 200_000, new int[] { 1, 2, 4, 8 }, 10, 500,
						new int[] { 10, 20, 40, 80, 120, 200, 400 }, new int[] { 1, 2, 4, 8, 16, 32, 64 });
			default:
				throw new IllegalArgumentException("Unknown scale '" + name + "': use small, default or large");
		}
	}

}
