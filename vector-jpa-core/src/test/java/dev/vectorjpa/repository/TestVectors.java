package dev.vectorjpa.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import dev.vectorjpa.Metric;
import dev.vectorjpa.repository.Nearest;

/**
 * Random vectors exact in half precision (multiples of 1/64 in [-1, 1]) and brute-force nearest neighbours in Java.
 */
public final class TestVectors {

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
	public static double distance(Metric metric, float[] a, float[] b) {
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

	/**
	 * Asserts that {@code actual} holds the {@code k} nearest of the matching items: the same distances in the same
	 * order as brute force, each actual item matching the filter and being at the distance reported (so that exact
	 * ties may come in any order).
	 */
	static <T> void assertNearest(List<Nearest<T>> actual, List<T> items, java.util.function.Function<T, Object> id,
			Predicate<T> filter, ToDoubleFunction<T> distance, int k) {
		java.util.Map<Object, T> byId = new java.util.HashMap<>();
		items.forEach((item) -> byId.put(id.apply(item), item));
		List<T> expected = nearest(items, filter, distance, k);
		org.assertj.core.api.Assertions.assertThat(expected).as("the scenario needs matching rows").isNotEmpty();
		org.assertj.core.api.Assertions.assertThat(actual).hasSameSizeAs(expected);
		java.util.Set<Object> seen = new java.util.HashSet<>();
		for (int i = 0; i < actual.size(); i++) {
			// the Java copy: ground truth, and no lazy proxies to trip over
			T item = byId.get(id.apply(actual.get(i).entity()));
			double expectedDistance = distance.applyAsDouble(expected.get(i));
			double tolerance = 1e-4 * Math.max(1, Math.abs(expectedDistance));
			org.assertj.core.api.Assertions.assertThat(actual.get(i).distance()).as("distance at %d", i)
				.isCloseTo(expectedDistance, org.assertj.core.api.Assertions.within(tolerance));
			org.assertj.core.api.Assertions.assertThat(distance.applyAsDouble(item)).as("distance of %s", item)
				.isCloseTo(actual.get(i).distance(), org.assertj.core.api.Assertions.within(tolerance));
			org.assertj.core.api.Assertions.assertThat(filter.test(item)).as("%s matches the filter", item).isTrue();
			org.assertj.core.api.Assertions.assertThat(seen.add(item)).as("%s returned once", item).isTrue();
		}
	}

	static double hamming(dev.vectorjpa.mapping.BitVector a, dev.vectorjpa.mapping.BitVector b) {
		int differing = 0;
		for (int i = 0; i < a.length(); i++) {
			differing += (a.get(i) != b.get(i)) ? 1 : 0;
		}
		return differing;
	}

	static double jaccard(dev.vectorjpa.mapping.BitVector a, dev.vectorjpa.mapping.BitVector b) {
		int both = 0;
		int either = 0;
		for (int i = 0; i < a.length(); i++) {
			both += (a.get(i) && b.get(i)) ? 1 : 0;
			either += (a.get(i) || b.get(i)) ? 1 : 0;
		}
		return 1 - (double) both / either;
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
