package dev.vectorjpa.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.vectorjpa.autoconfigure.embedding.LangChain4jTextEmbedder;
import dev.vectorjpa.autoconfigure.embedding.SpringAiTextEmbedder;
import dev.vectorjpa.embedding.EmbeddingTarget;
import dev.vectorjpa.embedding.TextEmbedder;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VectorJpaEmbeddingAutoConfiguration} and the adapters (no database, no model download).
 */
class VectorJpaEmbeddingAutoConfigurationTests {

	private static final EmbeddingTarget TARGET = new EmbeddingTarget(Object.class, "embedding", 3);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(VectorJpaEmbeddingAutoConfiguration.class, VectorJpaAutoConfiguration.class));

	@Test
	void noEmbedderWithoutAnEmbeddingModel() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TextEmbedder.class));
	}

	@Test
	void adaptsASpringAiEmbeddingModel() {
		this.contextRunner.withBean(org.springframework.ai.embedding.EmbeddingModel.class, SpringAiModel::new)
			.run((context) -> {
				TextEmbedder embedder = context.getBean(TextEmbedder.class);
				assertThat(embedder).isInstanceOf(SpringAiTextEmbedder.class);
				assertThat(embedder.dimensions()).isEqualTo(3);
				assertThat(embedder.embed(List.of("ab", "abcd"), TARGET)).containsExactly(new float[] { 2, 1, 0 },
						new float[] { 4, 1, 0 });
			});
	}

	@Test
	void adaptsALangChain4jEmbeddingModel() {
		this.contextRunner.withBean(dev.langchain4j.model.embedding.EmbeddingModel.class, LangChain4jModel::new)
			.run((context) -> {
				TextEmbedder embedder = context.getBean(TextEmbedder.class);
				assertThat(embedder).isInstanceOf(LangChain4jTextEmbedder.class);
				assertThat(embedder.dimensions()).isEqualTo(3);
				assertThat(embedder.embed("abc", TARGET)).containsExactly(3, 1, 0);
			});
	}

	@Test
	void passesTheEmbedderAndBatchSizeToHibernate() {
		this.contextRunner.withBean(dev.langchain4j.model.embedding.EmbeddingModel.class, LangChain4jModel::new)
			.withPropertyValues("vector-jpa.embedding.batch-size=7")
			.run((context) -> {
				Map<String, Object> properties = new HashMap<>();
				context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
				assertThat(properties.get(VectorJpaSettings.TEXT_EMBEDDER))
					.isSameAs(context.getBean(TextEmbedder.class));
				assertThat(properties).containsEntry(VectorJpaSettings.EMBEDDING_BATCH_SIZE, 7);
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesATextEmbedder() {
		TextEmbedder own = new TextEmbedder() {
			@Override
			public List<float[]> embed(List<String> texts, EmbeddingTarget target) {
				return List.of();
			}

			@Override
			public int dimensions() {
				return 3;
			}
		};
		this.contextRunner.withBean(dev.langchain4j.model.embedding.EmbeddingModel.class, LangChain4jModel::new)
			.withBean(TextEmbedder.class, () -> own)
			.run((context) -> assertThat(context).getBean(TextEmbedder.class).isSameAs(own));
	}

	@Test
	void backsOffWithoutLangChain4jOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("dev.langchain4j"))
			.run((context) -> assertThat(context).doesNotHaveBean(TextEmbedder.class));
	}

	@Test
	void defaultBatchSizeIsConsistent() {
		assertThat(new VectorJpaProperties().getEmbedding().getBatchSize())
			.isEqualTo(dev.vectorjpa.hibernate.EntityEmbeddings.DEFAULT_BATCH_SIZE);
	}

	/** A text's vector: its length, one, zero. */
	static float[] vector(String text) {
		return new float[] { text.length(), 1, 0 };
	}

	static class SpringAiModel implements org.springframework.ai.embedding.EmbeddingModel {

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			List<org.springframework.ai.embedding.Embedding> results = new ArrayList<>();
			for (String text : request.getInstructions()) {
				results.add(new org.springframework.ai.embedding.Embedding(vector(text), results.size()));
			}
			return new EmbeddingResponse(results);
		}

		@Override
		public float[] embed(Document document) {
			return vector(document.getText());
		}

	}

	static class LangChain4jModel implements dev.langchain4j.model.embedding.EmbeddingModel {

		@Override
		public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
			List<Embedding> embeddings = new ArrayList<>();
			for (TextSegment segment : segments) {
				embeddings.add(Embedding.from(vector(segment.text())));
			}
			return Response.from(embeddings);
		}

	}

}
