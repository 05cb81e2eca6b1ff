package dev.vectorjpa.benchmarks.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vectorjpa.Metric;

/**
 * The exact k nearest rows of every query, by brute force over all (optionally category-filtered) rows on every
 * core, cached to a file; and recall counted the ann-benchmarks way.
 *
 * @param ids per query, the row indexes of the true neighbours, nearest first
 * @param distances per query, their distances
 */
public record GroundTruth(int[][] ids, double[][] distances) {

	/** ann-benchmarks' tolerance: a result counts when its distance is at most the true k-th distance plus this. */
	public static final double EPSILON = 1e-3;

	/** Loads the cached ground truth of {@code dataset} (restricted to {@code category} when not null) or computes it. */
	public static GroundTruth of(Dataset dataset, String category, int k, Path cacheDirectory) throws Exception {
		String key = dataset.name() + "-" + dataset.size() + "x" + dataset.dimensions() + "-q" + dataset.queries().length
				+ "-k" + k + ((category != null) ? "-" + category : "") + ".gt";
		Path file = cacheDirectory.resolve(key);
		if (Files.isReadable(file)) {
			return read(file);
		}
		long start = System.nanoTime();
		GroundTruth truth = compute(dataset, category, k);
		Files.createDirectories(cacheDirectory);
		write(truth, file);
		System.out.printf("  ground truth %s: %d queries by exact search in %.1f s (cached in %s)%n", key,
				dataset.queries().length, (System.nanoTime() - start) / 1e9, file);
		return truth;
	}

	static GroundTruth compute(Dataset dataset, String category, int k) throws Exception {
		float[][] queries = dataset.queries();
		int[][] ids = new int[queries.length][];
		double[][] distances = new double[queries.length][];
		int threads = Runtime.getRuntime().availableProcessors();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		try {
			Future<?>[] futures = new Future<?>[threads];
			for (int t = 0; t < threads; t++) {
				futures[t] = pool.submit(() -> {
					for (int q = next.getAndIncrement(); q < queries.length; q = next.getAndIncrement()) {
						exact(dataset, category, queries[q], k, ids, distances, q);
					}
				});
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new GroundTruth(ids, distances);
	}

	private static void exact(Dataset dataset, String category, float[] query, int k, int[][] ids,
			double[][] distances, int q) {
		Metric metric = dataset.metric();
		float[][] base = dataset.base();
		String[] categories = dataset.categories();
		// A bounded max-heap kept as sorted arrays: k is small (10).
		int[] topIds = new int[k];
		double[] top = new double[k];
		Arrays.fill(top, Double.MAX_VALUE);
		Arrays.fill(topIds, -1);
		for (int i = 0; i < base.length; i++) {
			if (category != null && !category.equals(categories[i])) {
				continue;
			}
			double d = (metric == Metric.EUCLIDEAN) ? Distances.squaredEuclidean(query, base[i])
					: Distances.cosine(query, base[i]);
			if (d < top[k - 1]) {
				int j = k - 1;
				while (j > 0 && top[j - 1] > d) {
					top[j] = top[j - 1];
					topIds[j] = topIds[j - 1];
					j--;
				}
				top[j] = d;
				topIds[j] = i;
			}
		}
		if (metric == Metric.EUCLIDEAN) {
			for (int j = 0; j < k; j++) {
				top[j] = Math.sqrt(top[j]);
			}
		}
		ids[q] = topIds;
		distances[q] = top;
	}

	/**
	 * Recall@k of one query's result rows: a result counts when its distance to the query is at most the true k-th
	 * distance + {@link #EPSILON} (ann-benchmarks' rule, robust to ties). When fewer than k rows match the filter the
	 * ground truth was computed with, recall is counted against those rows: a client returning all of them gets 1.
	 */
	public double recall(Dataset dataset, int query, List<Integer> resultRows, int k) {
		int expected = expected(query, k);
		if (expected == 0) {
			return resultRows.isEmpty() ? 1 : 0;
		}
		double threshold = this.distances[query][expected - 1] + EPSILON;
		float[] q = dataset.queries()[query];
		int hits = 0;
		int n = Math.min(k, resultRows.size());
		for (int i = 0; i < n; i++) {
			int row = resultRows.get(i);
			if (row >= 0 && row < dataset.size() && Distances.distance(dataset.metric(), q, dataset.base()[row]) <= threshold) {
				hits++;
			}
		}
		return Math.min(hits, expected) / (double) expected;
	}

	/** The number of true neighbours of a query: k, or fewer when fewer rows match the filter. */
	public int expected(int query, int k) {
		int[] row = this.ids[query];
		int n = 0;
		while (n < Math.min(k, row.length) && row[n] >= 0) {
			n++;
		}
		return n;
	}

	private static void write(GroundTruth truth, Path file) throws IOException {
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (OutputStream raw = Files.newOutputStream(tmp);
				DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16))) {
			out.writeInt(truth.ids.length);
			out.writeInt(truth.ids[0].length);
			for (int q = 0; q < truth.ids.length; q++) {
				for (int j = 0; j < truth.ids[q].length; j++) {
					out.writeInt(truth.ids[q][j]);
					out.writeDouble(truth.distances[q][j]);
				}
			}
		}
		Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private static GroundTruth read(Path file) throws IOException {
		try (InputStream raw = Files.newInputStream(file);
				DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
			int n = in.readInt();
			int k = in.readInt();
			int[][] ids = new int[n][k];
			double[][] distances = new double[n][k];
			for (int q = 0; q < n; q++) {
				for (int j = 0; j < k; j++) {
					ids[q][j] = in.readInt();
					distances[q][j] = in.readDouble();
				}
			}
			return new GroundTruth(ids, distances);
		}
	}

}
