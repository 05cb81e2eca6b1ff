package dev.vectorjpa.reliability;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Ground truth: the cosine-nearest documents computed in Java. */
final class ExactSearch {

	private ExactSearch() {
	}

	static List<UUID> nearest(List<RelDoc> docs, float[] query, int k) {
		return docs.stream()
			.sorted(Comparator.comparingDouble((RelDoc doc) -> cosineDistance(doc.getEmbedding(), query)))
			.limit(k)
			.map(RelDoc::getId)
			.toList();
	}

	static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += (double) a[i] * b[i];
			na += (double) a[i] * a[i];
			nb += (double) b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

}
