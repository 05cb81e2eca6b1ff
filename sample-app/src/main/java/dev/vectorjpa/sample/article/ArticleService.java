package dev.vectorjpa.sample.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.sample.embedding.TextEmbedder;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and searches articles: embeds text, then lets the repository do the rest.
 */
@Service
public class ArticleService {

	private final ArticleRepository articles;

	private final TextEmbedder embedder;

	public ArticleService(ArticleRepository articles, TextEmbedder embedder) {
		this.articles = articles;
		this.embedder = embedder;
	}

	/** Adds one article. */
	@Transactional
	public Article add(String title, String category, String body, List<String> tags) {
		Article article = new Article(UUID.randomUUID(), title, category, body, metadata(tags),
				this.embedder.embed(title + ". " + body));
		return this.articles.save(article);
	}

	/** Loads the bundled corpus with one binary COPY when the table is empty; returns the rows written. */
	@Transactional
	public int loadCorpus(Resource tsv) throws IOException {
		if (this.articles.count() > 0) {
			return 0;
		}
		List<Article> corpus = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(tsv.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String[] fields = line.split("\t");
				if (fields.length == 4) {
					corpus.add(new Article(UUID.randomUUID(), fields[1], fields[0], fields[2],
							metadata(Arrays.asList(fields[3].split(","))), this.embedder.embed(fields[1] + ". " + fields[2])));
				}
			}
		}
		return this.articles.bulkInsert(corpus);
	}

	/** The k articles nearest in meaning to the question, optionally within one category. */
	@Transactional(readOnly = true)
	public List<Nearest<Article>> search(String question, String category, int k) {
		float[] query = this.embedder.embed(question);
		return (category == null || category.isBlank()) ? this.articles.findNearest(query, k)
				: this.articles.findNearestByCategory(query, category, k);
	}

	/** The k best articles by vector similarity fused with full-text rank (finds exact codes like ERR-4012). */
	@Transactional(readOnly = true)
	public List<Nearest<Article>> hybridSearch(String question, int k) {
		return this.articles.findHybrid(this.embedder.embed(question), question, k);
	}

	private static Map<String, Object> metadata(List<String> tags) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("tags", tags);
		return metadata;
	}

}
