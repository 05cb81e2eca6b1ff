package dev.vectorjpa.autoconfigure;

import dev.vectorjpa.autoconfigure.embedding.LangChain4jTextEmbedder;
import dev.vectorjpa.autoconfigure.embedding.SpringAiTextEmbedder;
import dev.vectorjpa.embedding.TextEmbedder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of vector-jpa's
 * {@link TextEmbedder} from the application's embedding model: Spring AI's {@code EmbeddingModel} or LangChain4j's
 * (Spring AI first when both are present). {@link VectorJpaAutoConfiguration} hands it to Hibernate.
 *
 * @since 0.1
 */
@AutoConfiguration(before = VectorJpaAutoConfiguration.class)
@ConditionalOnClass(TextEmbedder.class)
@ConditionalOnBooleanProperty(name = "vector-jpa.enabled", matchIfMissing = true)
public final class VectorJpaEmbeddingAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.ai.embedding.EmbeddingModel")
	@ConditionalOnSingleCandidate(org.springframework.ai.embedding.EmbeddingModel.class)
	static class SpringAiConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TextEmbedder springAiTextEmbedder(org.springframework.ai.embedding.EmbeddingModel model) {
			return new SpringAiTextEmbedder(model);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "dev.langchain4j.model.embedding.EmbeddingModel")
	@ConditionalOnSingleCandidate(dev.langchain4j.model.embedding.EmbeddingModel.class)
	static class LangChain4jConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TextEmbedder langChain4jTextEmbedder(dev.langchain4j.model.embedding.EmbeddingModel model) {
			return new LangChain4jTextEmbedder(model);
		}

	}

}
