package dev.vectorjpa.sample.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into chunks of at most {@code size} words, each repeating the last {@code overlap} words of the one
 * before, so that a sentence cut at a boundary is whole in one of them.
 */
public record Chunker(int size, int overlap) {

	public Chunker {
		if (size < 1 || overlap < 0 || overlap >= size) {
			throw new IllegalArgumentException("Chunk size must be positive and overlap smaller than it, got size "
					+ size + ", overlap " + overlap);
		}
	}

	public List<String> chunks(String text) {
		String[] words = text.trim().split("\\s+");
		List<String> chunks = new ArrayList<>();
		if (words.length == 0 || words[0].isEmpty()) {
			return chunks;
		}
		for (int start = 0; ; start += this.size - this.overlap) {
			int end = Math.min(words.length, start + this.size);
			chunks.add(String.join(" ", java.util.Arrays.copyOfRange(words, start, end)));
			if (end == words.length) {
				return chunks;
			}
		}
	}

}
