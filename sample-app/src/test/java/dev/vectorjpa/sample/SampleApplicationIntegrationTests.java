package dev.vectorjpa.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.sample.article.Article;
import dev.vectorjpa.sample.article.ArticleRepository;
import dev.vectorjpa.sample.article.ArticleService;
import dev.vectorjpa.sample.embedding.TextEmbedder;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample against the real database: Liquibase creates the schema, the corpus is bulk-loaded, and searches
 * through the repository and over HTTP return what brute force says they should.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationIntegrationTests {

	@Autowired
	ArticleRepository articles;

	@Autowired
	ArticleService service;

	@Autowired
	TextEmbedder embedder;

	@Autowired
	Environment environment;

	@Test
	void liquibaseCreatedTheVectorColumnAndItsHnswIndex(TestSchema schema) {
		assertThat(schema.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
				+ "WHERE attrelid = 'article'::regclass AND attname = 'embedding'"))
			.containsExactly(List.of("vector(256)"));
		assertThat(schema.query("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'article' "
				+ "AND indexdef LIKE '%hnsw%'"))
			.singleElement()
			.satisfies((row) -> assertThat(row.get(0).toString()).contains("vector_cosine_ops"));
		// vector-jpa.index.auto-create found the changelog's index by name and added only the full-text one
		assertThat(schema.query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
				+ "AND tablename = 'article' ORDER BY indexname"))
			.containsExactly(List.of("article_body_fts_idx"), List.of("article_embedding_hnsw_cosine_idx"),
					List.of("article_pkey"));
	}

	@Test
	void searchReturnsTheBruteForceNearestArticles() {
		assertThat(this.articles.count()).isEqualTo(24);
		String question = "how do I make similarity search faster in postgres";
		float[] query = this.embedder.embed(question);
		List<String> expected = this.articles.findAll()
			.stream()
			.sorted(Comparator.comparingDouble((Article a) -> cosineDistance(a.getEmbedding(), query)))
			.limit(3)
			.map(Article::getTitle)
			.collect(Collectors.toList());
		List<Nearest<Article>> hits = this.service.search(question, null, 3);
		assertThat(hits).extracting((hit) -> hit.entity().getTitle()).containsExactlyElementsOf(expected);
		assertThat(hits.get(0).entity().getTitle()).isEqualTo("Speeding up similarity search in PostgreSQL");
		assertThat(hits.get(0).score()).isCloseTo(1 - cosineDistance(hits.get(0).entity().getEmbedding(), query),
				org.assertj.core.data.Offset.offset(1e-5));
	}

	@Test
	void categorySearchStaysInItsCategory() {
		List<Nearest<Article>> hits = this.service.search("tomato pasta recipe", "travel", 4);
		assertThat(hits).hasSize(4).allSatisfy((hit) -> assertThat(hit.entity().getCategory()).isEqualTo("travel"));
	}

	@Test
	void hybridSearchFindsAnExactErrorCode() {
		List<Nearest<Article>> hits = this.service.hybridSearch("ERR-4012", 3);
		assertThat(hits.get(0).entity().getTitle()).isEqualTo("Error ERR-4012 during index build");
	}

	@Test
	void httpSearchEndpointAnswersWithScores() throws Exception {
		String port = this.environment.getProperty("local.server.port");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/articles/search?q=night+trains+across+europe&k=2")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[{\"id\":").contains("\"title\":\"Train travel across Europe\"")
			.contains("\"score\":");
	}

	private static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += (double) a[i] * b[i];
			na += (double) a[i] * a[i];
			nb += (double) b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

}
