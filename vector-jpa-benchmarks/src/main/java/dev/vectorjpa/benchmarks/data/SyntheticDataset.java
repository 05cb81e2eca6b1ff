package dev.vectorjpa.benchmarks.data;

import java.util.SplittableRandom;

import dev.vectorjpa.Metric;

/**
 * Clustered synthetic embeddings (cosine): Gaussian blobs around random unit centroids, like sentence embeddings of
 * a corpus with topics, with a category column of controlled selectivity (50%, 10%, 1%, rest "other") drawn
 * independently of the vectors so that filters do not correlate with the query's neighbourhood.
 */
public final class SyntheticDataset {

	private SyntheticDataset() {
	}

	/** Generates {@code rows} base vectors and {@code queries} query vectors of {@code dimensions}, seeded. */
	public static Dataset generate(int dimensions, int rows, int queries, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int clusters = Math.max(10, (int) Math.sqrt(rows) / 2);
		float[][] centroids = new float[clusters][];
		for (int c = 0; c < clusters; c++) {
			centroids[c] = normalize(gaussian(random, dimensions, 1.0f, null));
		}
		float spread = (float) (0.6 / Math.sqrt(dimensions)) * 3;
		float[][] base = new float[rows][];
		String[] categories = new String[rows];
		for (int i = 0; i < rows; i++) {
			base[i] = normalize(gaussian(random, dimensions, spread, centroids[random.nextInt(clusters)]));
			categories[i] = category(random.nextDouble());
		}
		float[][] q = new float[queries][];
		for (int i = 0; i < queries; i++) {
			q[i] = normalize(gaussian(random, dimensions, spread, centroids[random.nextInt(clusters)]));
		}
		return new Dataset("s" + dimensions, Metric.COSINE, base, q, categories);
	}

	private static String category(double u) {
		if (u < 0.50) {
			return "c50";
		}
		if (u < 0.60) {
			return "c10";
		}
		if (u < 0.61) {
			return "c1";
		}
		return "other";
	}

	private static float[] gaussian(SplittableRandom random, int dimensions, float sigma, float[] mean) {
		float[] v = new float[dimensions];
		for (int i = 0; i < dimensions; i += 2) {
			// Box-Muller: two normal deviates per pair of uniforms.
			double u1 = 1.0 - random.nextDouble();
			double u2 = random.nextDouble();
			double r = Math.sqrt(-2 * Math.log(u1));
			v[i] = (float) (r * Math.cos(2 * Math.PI * u2)) * sigma + ((mean != null) ? mean[i] : 0);
			if (i + 1 < dimensions) {
				v[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2)) * sigma + ((mean != null) ? mean[i + 1] : 0);
			}
		}
		return v;
	}

	private static float[] normalize(float[] v) {
		double n = 0;
		for (float x : v) {
			n += x * x;
		}
		float inv = (float) (1 / Math.sqrt(n));
		for (int i = 0; i < v.length; i++) {
			v[i] *= inv;
		}
		return v;
	}

}
