package dev.vectorjpa.autoconfigure.embedding;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.vectorjpa.embedding.EmbeddingTarget;
import dev.vectorjpa.embedding.TextEmbedder;
import org.springframework.util.Assert;

/**
 * A {@link TextEmbedder} backed by a LangChain4j {@link EmbeddingModel}.
 *
 * @since 0.1
 */
public final class LangChain4jTextEmbedder implements TextEmbedder {

	private final EmbeddingModel model;

	/** An embedder calling {@code model}. */
	public LangChain4jTextEmbedder(EmbeddingModel model) {
		Assert.notNull(model, "EmbeddingModel must not be null");
		this.model = model;
	}

	@Override
	public List<float[]> embed(List<String> texts, EmbeddingTarget target) {
		List<TextSegment> segments = new ArrayList<>(texts.size());
		for (String text : texts) {
			segments.add(TextSegment.from(text));
		}
		List<Embedding> embeddings = this.model.embedAll(segments).content();
		List<float[]> vectors = new ArrayList<>(embeddings.size());
		for (Embedding embedding : embeddings) {
			vectors.add(embedding.vector());
		}
		return vectors;
	}

	@Override
	public int dimensions() {
		return this.model.dimension();
	}

	@Override
	public String toString() {
		return "LangChain4j " + this.model.getClass().getSimpleName();
	}

}
