package dev.vectorjpa.autoconfigure.embedding;

import java.util.List;

import dev.vectorjpa.embedding.EmbeddingTarget;
import dev.vectorjpa.embedding.TextEmbedder;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.util.Assert;

/**
 * A {@link TextEmbedder} backed by a Spring AI {@link EmbeddingModel}.
 *
 * @since 0.1
 */
public final class SpringAiTextEmbedder implements TextEmbedder {

	private final EmbeddingModel model;

	/** An embedder calling {@code model}. */
	public SpringAiTextEmbedder(EmbeddingModel model) {
		Assert.notNull(model, "EmbeddingModel must not be null");
		this.model = model;
	}

	@Override
	public List<float[]> embed(List<String> texts, EmbeddingTarget target) {
		return this.model.embed(texts);
	}

	@Override
	public int dimensions() {
		return this.model.dimensions();
	}

	@Override
	public String toString() {
		return "Spring AI " + this.model.getClass().getSimpleName();
	}

}
