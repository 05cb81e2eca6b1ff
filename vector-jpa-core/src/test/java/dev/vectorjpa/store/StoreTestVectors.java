package dev.vectorjpa.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.test.TestSchema;

/**
 * Random vectors and brute-force ground truth for the store's integration tests.
 */
final class StoreTestVectors {

	private StoreTestVectors() {
	}

	/** {@code count} vectors of {@code dimensions} uniform components in [0, 1), like {@code np.random.rand}. */
	static List<float[]> random(long seed, int count, int dimensions) {
		Random random = new Random(seed);
		List<float[]> vectors = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			float[] vector = new float[dimensions];
			for (int j = 0; j < dimensions; j++) {
				vector[j] = random.nextFloat();
			}
			vectors.add(vector);
		}
		return vectors;
	}

	/** The distance pgvector's operator for {@code metric} returns, computed in double precision. */
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
			l2 += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
			l1 += Math.abs((double) a[i] - b[i]);
		}
		return switch (metric) {
			case COSINE -> 1 - dot / Math.sqrt(normA * normB);
			case EUCLIDEAN -> Math.sqrt(l2);
			case INNER_PRODUCT -> -dot;
			case L1 -> l1;
			default -> throw new IllegalArgumentException(metric.name());
		};
	}

	/** Positions of the {@code k} vectors nearest to {@code query} among those {@code included}, nearest first. */
	static List<Integer> nearest(Metric metric, List<float[]> vectors, float[] query, int k, IntPredicate included) {
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < vectors.size(); i++) {
			if (included.test(i)) {
				positions.add(i);
			}
		}
		positions.sort(Comparator.comparingDouble((Integer i) -> distance(metric, vectors.get(i), query)));
		return positions.subList(0, Math.min(k, positions.size()));
	}

	/** Settings for a table of the current test schema. */
	static VectorStoreSettings.Builder settings(String table, int dimensions) {
		return VectorStoreSettings.builder(dimensions).schema(TestSchema.current().name()).table(table);
	}

	/** The count of a query's single value. */
	static long scalar(String sql) {
		return ((Number) TestSchema.current().query(sql).get(0).get(0)).longValue();
	}

}
