package dev.vectorjpa.sample.embedding;

/**
 * Turns text into an embedding vector. In a real application this is a model: Spring AI's {@code EmbeddingModel},
 * an ONNX sentence-transformer, or a hosted API. The sample ships {@link HashingTextEmbedder} so it runs offline.
 */
@FunctionalInterface
public interface TextEmbedder {

	/** The embedding of {@code text}. */
	float[] embed(String text);

}
