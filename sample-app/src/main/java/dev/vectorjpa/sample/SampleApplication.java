package dev.vectorjpa.sample;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.sample.article.Article;
import dev.vectorjpa.sample.article.ArticleService;
import dev.vectorjpa.sample.embedding.HashingTextEmbedder;
import dev.vectorjpa.sample.embedding.TextEmbedder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

/**
 * A small knowledge base: articles with embeddings in PostgreSQL, searched through a {@code VectorRepository}.
 */
@SpringBootApplication
public class SampleApplication {

	private static final Log logger = LogFactory.getLog(SampleApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	@Bean
	TextEmbedder textEmbedder(@Value("${vector-jpa.dimensions}") int dimensions) {
		return new HashingTextEmbedder(dimensions);
	}

	@Bean
	ApplicationRunner loadCorpus(ArticleService articles) {
		return (args) -> {
			int loaded = articles.loadCorpus(new ClassPathResource("articles.tsv"));
			if (loaded > 0) {
				logger.info("Loaded " + loaded + " articles with binary COPY");
			}
			String question = "how do I make similarity search faster in postgres";
			logger.info("Nearest articles to '" + question + "':");
			for (Nearest<Article> hit : articles.search(question, null, 3)) {
				logger.info(String.format("  %.3f  [%s] %s", hit.score(), hit.entity().getCategory(),
						hit.entity().getTitle()));
			}
			logger.info("Try: curl 'http://localhost:8080/api/articles/search?q=night+trains&k=3' or "
					+ "curl 'http://localhost:8080/api/articles/hybrid?q=ERR-4012'");
		};
	}

}
