package dev.vectorjpa.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** A deterministic test embedder (each word adds one to a hashed component) that records its calls. */
class WordHashEmbedder implements TextEmbedder {

	static final int DIMENSIONS = 8;

	final List<List<String>> calls = new CopyOnWriteArrayList<>();

	@Override
	public List<float[]> embed(List<String> texts, EmbeddingTarget target) {
		this.calls.add(List.copyOf(texts));
		List<float[]> vectors = new ArrayList<>();
		for (String text : texts) {
			vectors.add(vector(text));
		}
		return vectors;
	}

	static float[] vector(String text) {
		float[] vector = new float[DIMENSIONS];
		for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
			if (!word.isEmpty()) {
				vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
			}
		}
		vector[0] += 0.5f; // never the zero vector, which cosine cannot rank
		return vector;
	}

	int textsEmbedded() {
		return this.calls.stream().mapToInt(List::size).sum();
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

	@Override
	public String toString() {
		return "WordHashEmbedder";
	}

}
