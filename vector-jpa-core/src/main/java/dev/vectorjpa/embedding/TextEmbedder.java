package dev.vectorjpa.embedding;

import java.util.List;

/**
 * Turns text into vectors for a vector attribute: the SPI behind {@code @VectorColumn(embeddedFrom = …)} and the
 * {@code String} query methods. The Spring Boot starter adapts Spring AI's and LangChain4j's {@code EmbeddingModel}
 * to it; an application may supply its own bean instead.
 *
 * @since 0.1
 */
public interface TextEmbedder {

	/**
	 * Embeds {@code texts} for {@code target}, one vector per text in the same order.
	 * @param texts the texts (never empty, no null element)
	 * @param target the attribute the vectors are for
	 * @return the vectors, each of {@link #dimensions()} components
	 */
	List<float[]> embed(List<String> texts, EmbeddingTarget target);

	/** Embeds one text for {@code target}. */
	default float[] embed(String text, EmbeddingTarget target) {
		return embed(List.of(text), target).get(0);
	}

	/** The number of components of the vectors this embedder returns, checked at start-up against the columns. */
	int dimensions();

}
