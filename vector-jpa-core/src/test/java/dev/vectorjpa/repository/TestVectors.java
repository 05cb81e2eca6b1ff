package dev.vectorjpa.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import dev.vectorjpa.Metric;

/**
 * Random vectors exact in half precision (multiples of 1/64 in [-1, 1]) and brute-force nearest neighbours in Java.
 */
final class TestVectors {

	private TestVectors() {
	}

	static float[] random(Random random, int dimensions) {
		float[] vector = new float[dimensions];
		for (int i = 0; i < dimensions; i++) {
			vector[i] = (random.nextInt(129) - 64) / 64f;
		}
		// an all-zero vector has no cosine distance
		if (vector[0] == 0) {
			vector[0] = 1 / 64f;
		}
		return vector;
	}

	/** The distance pgvector's operator for {@code metric} returns. */
	static double distance(Metric metric, float[] a, float[] b) {
		double dot = 0;
		double normA = 0;
		double normB = 0;
		double l2 = 0;
		double l1 = 0;
		for (int i = 0; i < a.length; i++) {
			dot += (double) a[i] * b[i];
			normA += (double) a[i] * a[i];
			normB += (double) b[i] * b[i];
			double d = (double) a[i] - b[i];
			l2 += d * d;
			l1 += Math.abs(d);
		}
		return switch (metric) {
			case COSINE -> 1 - dot / Math.sqrt(normA * normB);
			case EUCLIDEAN -> Math.sqrt(l2);
			case INNER_PRODUCT -> -dot;
			case L1 -> l1;
			default -> throw new IllegalArgumentException(metric.toString());
		};
	}

	/** The ids of the {@code k} items nearest to {@code query} among those matching {@code filter}. */
	static <T> List<T> nearest(List<T> items, Predicate<T> filter, ToDoubleFunction<T> distance, int k) {
		List<T> matching = new ArrayList<>();
		for (T item : items) {
			if (filter.test(item)) {
				matching.add(item);
			}
		}
		matching.sort(Comparator.comparingDouble(distance));
		return matching.subList(0, Math.min(k, matching.size()));
	}

}
