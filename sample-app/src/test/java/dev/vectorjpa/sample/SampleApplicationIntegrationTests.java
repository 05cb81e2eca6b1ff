package dev.vectorjpa.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.vectorjpa.embedding.EmbeddingTarget;
import dev.vectorjpa.embedding.TextEmbedder;
import dev.vectorjpa.sample.ingest.Ingestion;
import dev.vectorjpa.sample.passage.Passage;
import dev.vectorjpa.sample.passage.PassageRepository;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample against the real database with the real ONNX model: Liquibase creates the schema, the corpus is
 * embedded and bulk-loaded into two domains, the HTTP API answers what brute force says it should, and the page at
 * {@code /} works in a real browser (one context for all: the model and the corpus load once).
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SampleApplicationIntegrationTests {

	static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	PassageRepository passages;

	@Autowired
	CurrentDomain currentDomain;

	@Autowired
	TextEmbedder embedder;

	@Autowired
	Ingestion ingestion;

	@Autowired
	ObjectMapper json;

	@Autowired
	Environment environment;

	@Test
	void liquibaseCreatedTheVectorColumnAndItsHnswIndex(TestSchema schema) {
		assertThat(schema.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
				+ "WHERE attrelid = 'passage'::regclass AND attname = 'embedding'"))
			.containsExactly(List.of("vector(384)"));
		assertThat(schema.query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
				+ "AND tablename = 'passage' ORDER BY indexname"))
			.containsExactly(List.of("passage_body_fts_idx"), List.of("passage_embedding_hnsw_cosine_idx"),
					List.of("passage_pkey"));
	}

	@Test
	void theCorpusIsEmbeddedIntoTwoDomains(TestSchema schema) {
		assertThat(schema.query("SELECT domain, count(*), count(embedding) FROM passage "
				+ "WHERE document_id LIKE 'corpus:%' GROUP BY domain ORDER BY domain"))
			.containsExactly(List.of("engineering", 144L, 144L), List.of("travel", 144L, 144L));
	}

	@Test
	void searchReturnsTheBruteForceNearestPassagesOfTheDomain() throws Exception {
		String question = "how do I load millions of rows quickly";
		float[] query = this.embedder.embed(question, new EmbeddingTarget(Passage.class, "embedding", 384));
		List<String> expected = this.currentDomain.call("engineering", this.passages::findAll)
			.stream()
			.sorted(Comparator.comparingDouble((Passage p) -> cosineDistance(p.getEmbedding(), query)))
			.limit(5)
			.map((p) -> p.getId().toString())
			.toList();
		JsonNode hits = get("/api/search?q=" + question.replace(' ', '+') + "&k=5", "engineering", 200);
		assertThat(hits.valueStream().map((hit) -> hit.get("id").asString()).toList())
			.containsExactlyElementsOf(expected);
		assertThat(hits.get(0).get("body").asString()).contains("Binary COPY");
		Passage best = this.currentDomain.call("engineering",
				() -> this.passages.findById(UUID.fromString(expected.get(0))).orElseThrow());
		assertThat(hits.get(0).get("score").asDouble())
			.isCloseTo(1 - cosineDistance(best.getEmbedding(), query), org.assertj.core.data.Offset.offset(1e-4));
	}

	@Test
	void categoryFilterAndDomainScopeHold() throws Exception {
		JsonNode hits = get("/api/search?q=pasta+with+tomatoes&k=6&category=history", "travel", 200);
		assertThat(hits.size()).isEqualTo(6);
		hits.forEach((hit) -> assertThat(hit.get("category").asString()).isEqualTo("history"));
		JsonNode elsewhere = get("/api/search?q=binary+copy+database+index&k=10", "travel", 200);
		elsewhere.forEach((hit) -> assertThat(hit.get("category").asString())
			.isIn("travel", "food", "nature", "history"));
	}

	@Test
	void hybridSearchFindsAnExactErrorCode() throws Exception {
		JsonNode hits = get("/api/search?q=ERR-4012&k=3&mode=hybrid", "engineering", 200);
		assertThat(hits.get(0).get("body").asString()).contains("ERR-4012");
	}

	@Test
	void documentsAreCreatedReadSearchedAndDeletedInTheirDomain() throws Exception {
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/documents"))
			.header("Content-Type", "application/json")
			.header("X-Domain", "engineering")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"title\":\"Zebra crossings\",\"body\":\"Zebra crossings give pedestrians priority over cars.\","
							+ "\"category\":\"operations\"}")));
		assertThat(created.statusCode()).isEqualTo(201);
		String id = this.json.readTree(created.body()).get("id").asString();
		assertThat(created.headers().firstValue("Location")).contains("/api/documents/" + id);
		assertThat(get("/api/documents/" + id, "engineering", 200).get("domain").asString()).isEqualTo("engineering");
		assertThat(get("/api/search?q=zebra+crossing+for+pedestrians&k=1", "engineering", 200).get(0).get("id")
			.asString()).isEqualTo(id);
		assertThat(get("/api/documents/" + id, "travel", 404).get("detail").asString())
			.isEqualTo("No document " + id + " in this domain");
		assertThat(send(HttpRequest.newBuilder(uri("/api/documents/" + id)).header("X-Domain", "travel").DELETE())
			.statusCode()).isEqualTo(404);
		assertThat(send(HttpRequest.newBuilder(uri("/api/documents/" + id)).header("X-Domain", "engineering").DELETE())
			.statusCode()).isEqualTo(204);
		get("/api/documents/" + id, "engineering", 404);
	}

	@Test
	void invalidRequestsAreAnsweredWithProblemDetails() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/search?q=&k=500&mode=fuzzy")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isEqualTo("Invalid search: q, k, mode");
		assertThat(problem.get("errors").get("k").asString()).isEqualTo("must be between 1 and 100");
		HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/api/documents"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"only a title\"}")));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(missing.body()).get("detail").asString())
			.isEqualTo("Invalid document: body, category");
		assertThat(get("/api/stats", "moon", 400).get("detail").asString())
			.isEqualTo("Unknown domain in header X-Domain; known domains: travel, engineering");
	}

	@Test
	void statsCountTheDomain() throws Exception {
		JsonNode stats = get("/api/stats", "travel", 200);
		assertThat(stats.get("domain").asString()).isEqualTo("travel");
		assertThat(stats.get("categories").valueStream().map(JsonNode::asString).toList())
			.containsExactly("food", "history", "nature", "travel");
	}

	@Test
	void importerChunksFilesWithOverlapKeepingDocumentIdAndChunkIndex(@TempDir Path dir, TestSchema schema)
			throws IOException {
		StringBuilder long1 = new StringBuilder();
		for (int i = 0; i < 250; i++) {
			long1.append("word").append(i).append(' ');
		}
		Files.writeString(dir.resolve("long.md"), long1);
		Files.writeString(dir.resolve("short.txt"), "Ferries to the islands leave at dawn.");
		Files.writeString(dir.resolve("ignored.pdf"), "not text");
		assertThat(this.ingestion.importPath(dir, "travel", "imported")).isEqualTo(4);
		List<List<Object>> rows = schema.query("SELECT document_id, chunk_index, split_part(body, ' ', 1), "
				+ "array_length(regexp_split_to_array(body, ' '), 1), domain, category, embedding IS NOT NULL "
				+ "FROM passage WHERE category = 'imported' ORDER BY document_id, chunk_index");
		// 120-word chunks overlapping by 20 words: 0-119, 100-219, 200-249
		assertThat(rows).containsExactly(List.of("long.md", 0, "word0", 120, "travel", "imported", true),
				List.of("long.md", 1, "word100", 120, "travel", "imported", true),
				List.of("long.md", 2, "word200", 50, "travel", "imported", true),
				List.of("short.txt", 0, "Ferries", 7, "travel", "imported", true));
		schema.execute("DELETE FROM passage WHERE category = 'imported'");
	}

	@Test
	void thePageSearchesFiltersAndSwitchesDomainInARealBrowser() throws Exception {
		try (Browser browser = new Browser()) {
			WebDriver page = browser.driver;
			page.get(uri("/").toString());
			WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
					"144 passages in domain travel"));

			// search: results with scores, best first, matched words highlighted
			page.findElement(By.id("q")).sendKeys("night trains to Venice");
			page.findElement(By.id("go")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "8 results in domain travel"));
			JsonNode api = get("/api/search?q=night+trains+to+Venice&k=8", "travel", 200);
			assertThat(browser.texts(".hit .body")).hasSize(8).first().asString().contains("Night trains");
			assertThat(browser.texts(".hit .body"))
				.containsExactlyElementsOf(api.valueStream().map((hit) -> hit.get("body").asString()).toList());
			assertThat(browser.texts(".hit:first-child mark")).contains("trains", "Venice");
			assertThat(browser.texts(".score").stream().map(Double::parseDouble).toList())
				.isSortedAccordingTo((a, b) -> Double.compare(b, a));

			// category filter
			new Select(page.findElement(By.id("category"))).selectByValue("food");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "in category food"));
			assertThat(browser.texts(".hit .category")).hasSize(8).containsOnly("food");

			// domain switch: categories and results come from the other domain
			new Select(page.findElement(By.id("domain"))).selectByValue("engineering");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
					"8 results in domain engineering"));
			assertThat(browser.texts("#category option")).containsExactly("all categories", "databases",
					"machine-learning", "operations", "security");
			assertThat(browser.texts(".hit .category")).hasSize(8)
				.allMatch(List.of("databases", "machine-learning", "operations", "security")::contains);
		}
	}

	private JsonNode get(String path, String domain, int status) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("X-Domain", domain));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path);
	}

	static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

}
