package dev.vectorjpa.benchmarks.data;

import dev.vectorjpa.Metric;

/**
 * Distances computed in Java the way pgvector computes them, for ground truth and recall.
 */
public final class Distances {

	private Distances() {
	}

	/** The distance between {@code a} and {@code b} under {@code metric} (euclidean or cosine). */
	public static double distance(Metric metric, float[] a, float[] b) {
		switch (metric) {
			case EUCLIDEAN:
				return Math.sqrt(squaredEuclidean(a, b));
			case COSINE:
				return cosine(a, b);
			default:
				throw new IllegalArgumentException("Benchmarks support EUCLIDEAN and COSINE, not " + metric);
		}
	}

	/** The squared euclidean distance (monotone in the euclidean distance, cheaper). */
	public static double squaredEuclidean(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			double d = a[i] - b[i];
			sum += d * d;
		}
		return sum;
	}

	/** The cosine distance {@code 1 - a.b / (|a| |b|)}. */
	public static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

}
