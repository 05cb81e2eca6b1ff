package dev.vectorjpa.benchmarks.competitors;

import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

import dev.vectorjpa.benchmarks.data.Dataset;

/**
 * A Spring AI {@link EmbeddingModel} that "embeds" by looking vectors up: a document's text is {@code "doc <row>"}
 * and gets the data set's row vector; any other text gets the vector the current thread set with
 * {@link #nextQuery(float[])}. So Spring AI is fed precomputed vectors and only its own work is measured.
 */
public final class StubEmbeddingModel implements EmbeddingModel {

	private static final ThreadLocal<float[]> QUERY = new ThreadLocal<>();

	private final Dataset dataset;

	/** Serves vectors of {@code dataset}. */
	public StubEmbeddingModel(Dataset dataset) {
		this.dataset = dataset;
	}

	/** The vector the next query text embedded on this thread gets. */
	public static void nextQuery(float[] vector) {
		QUERY.set(vector);
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<Embedding> embeddings = new ArrayList<>(request.getInstructions().size());
		int i = 0;
		for (String text : request.getInstructions()) {
			embeddings.add(new Embedding(vector(text), i++));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(Document document) {
		return vector(document.getText());
	}

	@Override
	public int dimensions() {
		return this.dataset.dimensions();
	}

	private float[] vector(String text) {
		if (text != null && text.startsWith("doc ")) {
			return this.dataset.base()[Integer.parseInt(text, 4, text.length(), 10)];
		}
		return QUERY.get();
	}

}
