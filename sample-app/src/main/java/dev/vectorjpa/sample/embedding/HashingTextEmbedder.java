package dev.vectorjpa.sample.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A dependency-free stand-in for an embedding model: the feature-hashing trick over word unigrams and bigrams,
 * L2-normalised, so cosine similarity measures shared vocabulary. It captures no meaning beyond the words, which is
 * exactly why the sample also shows hybrid search; replace it with a real model bean in your application.
 */
public final class HashingTextEmbedder implements TextEmbedder {

	private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
			"from", "how", "i", "in", "is", "it", "of", "on", "or", "that", "the", "this", "to", "was", "what",
			"when", "where", "which", "with", "do", "does", "can", "my", "your", "you", "we", "our");

	private final int dimensions;

	/** An embedder producing vectors of {@code dimensions} components. */
	public HashingTextEmbedder(int dimensions) {
		if (dimensions < 1) {
			throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
		}
		this.dimensions = dimensions;
	}

	@Override
	public float[] embed(String text) {
		float[] vector = new float[this.dimensions];
		List<String> words = words(text);
		for (int i = 0; i < words.size(); i++) {
			add(vector, words.get(i), 1.0f);
			if (i + 1 < words.size()) {
				add(vector, words.get(i) + ' ' + words.get(i + 1), 0.5f);
			}
		}
		double norm = 0;
		for (float component : vector) {
			norm += component * component;
		}
		if (norm == 0) {
			vector[0] = 1.0f; // the empty text still needs a valid (non-zero) vector for cosine distance
			return vector;
		}
		float scale = (float) (1.0 / Math.sqrt(norm));
		for (int i = 0; i < vector.length; i++) {
			vector[i] *= scale;
		}
		return vector;
	}

	private void add(float[] vector, String feature, float weight) {
		int hash = murmurMix(feature.hashCode());
		int index = Math.floorMod(hash, this.dimensions);
		vector[index] += ((hash & 0x40000000) != 0) ? weight : -weight;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!token.isEmpty() && !STOP_WORDS.contains(token)) {
				words.add(stem(token));
			}
		}
		return words;
	}

	// A crude plural stemmer: "indexes" and "index" should share a feature.
	private static String stem(String word) {
		if (word.length() > 4 && word.endsWith("es")) {
			return word.substring(0, word.length() - 2);
		}
		if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}

	private static int murmurMix(int h) {
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

}
