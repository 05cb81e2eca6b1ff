package dev.vectorjpa.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vectorjpa.embedding.EmbeddingTestConfiguration.ArticleRepository;
import dev.vectorjpa.embedding.EmbeddingTestConfiguration.CommentRepository;
import dev.vectorjpa.hibernate.EntityEmbeddings;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code @VectorColumn(embeddedFrom = …)}: vectors computed on persist, update and {@code bulkInsert}, in batches,
 * only when the source text changed; {@code String} queries embedded once.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedFromIntegrationTests {

	AnnotationConfigApplicationContext context;

	ArticleRepository articles;

	CommentRepository comments;

	WordHashEmbedder embedder;

	TransactionTemplate transaction;

	EntityManager entityManager;

	@BeforeAll
	void start() {
		this.context = new AnnotationConfigApplicationContext(EmbeddingTestConfiguration.class);
		this.articles = this.context.getBean(ArticleRepository.class);
		this.comments = this.context.getBean(CommentRepository.class);
		this.embedder = this.context.getBean(WordHashEmbedder.class);
		this.transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		this.entityManager = SharedEntityManagerCreator
			.createSharedEntityManager(this.context.getBean(EntityManagerFactory.class));
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@BeforeEach
	void clean() {
		this.articles.deleteAllInBatch();
		this.comments.deleteAllInBatch();
		this.embedder.calls.clear();
	}

	@Test
	void computesVectorsOnPersistInBatchesOfThirtyTwo(TestSchema schema) {
		List<Article> many = articles(70);
		this.articles.saveAll(many);
		assertThat(this.embedder.calls).extracting(List::size).containsExactly(32, 32, 6);
		for (Article article : many) {
			assertThat(stored(schema, article.id)).isEqualTo(text(WordHashEmbedder.vector(article.body)));
		}
	}

	@Test
	void recomputesOnlyWhenTheSourceChanged(TestSchema schema) {
		Article article = this.articles.save(new Article("Trains", "night trains across the alps"));
		this.embedder.calls.clear();
		this.transaction.executeWithoutResult((status) -> this.entityManager.find(Article.class, article.id).title = "Rail");
		assertThat(this.embedder.calls).isEmpty();
		this.transaction.executeWithoutResult((status) -> this.entityManager.find(Article.class, article.id).body = "ferries to the islands");
		assertThat(this.embedder.calls).containsExactly(List.of("ferries to the islands"));
		assertThat(stored(schema, article.id)).isEqualTo(text(WordHashEmbedder.vector("ferries to the islands")));
	}

	@Test
	void keepsAVectorTheApplicationSetWithTheNewText(TestSchema schema) {
		Article article = this.articles.save(new Article("Trains", "night trains"));
		this.embedder.calls.clear();
		float[] own = { 1, 2, 3, 4, 5, 6, 7, 8 };
		this.transaction.executeWithoutResult((status) -> {
			Article managed = this.entityManager.find(Article.class, article.id);
			managed.body = "day trains";
			managed.embedding = own;
		});
		assertThat(this.embedder.calls).isEmpty();
		assertThat(stored(schema, article.id)).isEqualTo(text(own));
	}

	@Test
	void bulkInsertComputesMissingVectorsInBatches(TestSchema schema) {
		List<Article> many = articles(40);
		float[] own = { 8, 7, 6, 5, 4, 3, 2, 1 };
		many.get(0).embedding = own;
		assertThat(this.articles.bulkInsert(many)).isEqualTo(40);
		assertThat(this.embedder.calls).extracting(List::size).containsExactly(31, 8);
		assertThat(stored(schema, many.get(0).id)).isEqualTo(text(own));
		assertThat(stored(schema, many.get(39).id)).isEqualTo(text(WordHashEmbedder.vector(many.get(39).body)));
	}

	@Test
	void nonNullableMappingsAreEmbeddedAsTheyArePersisted(TestSchema schema) {
		Comment comment = new Comment();
		comment.text = "quiet coaches please";
		Comment saved = this.comments.save(comment);
		assertThat(this.embedder.calls).containsExactly(List.of("quiet coaches please"));
		assertThat(schema.query("SELECT embedding::text FROM comment WHERE id = " + saved.id))
			.containsExactly(List.of(text(WordHashEmbedder.vector("quiet coaches please"))));
	}

	@Test
	void findNearestByTextEmbedsOnceAndMatchesBruteForce() {
		List<Article> many = articles(50);
		this.articles.saveAll(many);
		this.embedder.calls.clear();
		String query = "topic 7 harbour ferries";
		List<Nearest<Article>> hits = this.articles.findNearest(query, 5);
		assertThat(this.embedder.calls).containsExactly(List.of(query));
		float[] q = WordHashEmbedder.vector(query);
		List<Double> expected = many.stream()
			.map((article) -> cosineDistance(q, WordHashEmbedder.vector(article.body)))
			.sorted()
			.limit(5)
			.toList();
		assertThat(hits).hasSize(5);
		for (int i = 0; i < 5; i++) {
			assertThat(hits.get(i).distance()).isCloseTo(expected.get(i), within(1e-5));
			assertThat(hits.get(i).distance())
				.isCloseTo(cosineDistance(q, WordHashEmbedder.vector(hits.get(i).entity().body)), within(1e-5));
		}
	}

	@Test
	void derivedMethodsTakeTheQueryTextAndEmbedItOnce() {
		List<Article> many = articles(40);
		for (int i = 0; i < many.size(); i++) {
			many.get(i).title = (i % 2 == 0) ? "even" : "odd";
		}
		this.articles.saveAll(many);
		this.embedder.calls.clear();
		String query = "harbour ferries at night";
		List<Nearest<Article>> byText = this.articles.findNearestByTitle(query, "odd", 4);
		assertThat(this.embedder.calls).containsExactly(List.of(query));
		List<Nearest<Article>> byVector = this.articles.findNearestByTitle(WordHashEmbedder.vector(query), "odd", 4);
		assertThat(byText).extracting((hit) -> hit.entity().id)
			.containsExactlyElementsOf(byVector.stream().map((hit) -> hit.entity().id).toList());
		assertThat(byText).hasSize(4).allSatisfy((hit) -> assertThat(hit.entity().title).isEqualTo("odd"));
	}

	@Test
	void blankQueryTextIsRejectedBeforeAnyCall() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.articles.findNearest(" ", 3))
			.withMessage("Query text for Article.embedding must not be null or blank");
		assertThat(this.embedder.calls).isEmpty();
	}

	@Test
	void findHybridByTextEmbedsOnce() {
		this.articles.saveAll(List.of(new Article("a", "harbour ferries at dawn"), new Article("b", "mountain trains")));
		this.embedder.calls.clear();
		List<Nearest<Article>> hits = this.articles.findHybrid("harbour ferries", 1);
		assertThat(this.embedder.calls).containsExactly(List.of("harbour ferries"));
		assertThat(hits).extracting((hit) -> hit.entity().body).containsExactly("harbour ferries at dawn");
	}

	@Test
	void embeddingsAreRegisteredForTheSessionFactory() {
		EntityManagerFactory factory = this.context.getBean(EntityManagerFactory.class);
		assertThat(EntityEmbeddings.of(factory)).get().extracting(EntityEmbeddings::embedder).isSameAs(this.embedder);
	}

	static List<Article> articles(int count) {
		String[] words = { "harbour", "ferries", "mountain", "trains", "night", "coaches", "islands", "bridges" };
		List<Article> list = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			list.add(new Article("t" + i, "topic " + i + " " + words[i % words.length] + " " + words[(i * 3) % 8]
					+ " " + words[(i * 5 + 1) % 8]));
		}
		return list;
	}

	static String stored(TestSchema schema, UUID id) {
		return (String) schema.query("SELECT embedding::text FROM article WHERE id = '" + id + "'").get(0).get(0);
	}

	static String text(float[] vector) {
		StringBuilder text = new StringBuilder("[");
		for (int i = 0; i < vector.length; i++) {
			text.append((i > 0) ? "," : "").append(formatted(vector[i]));
		}
		return text.append(']').toString();
	}

	private static String formatted(float value) {
		return (value == (long) value) ? Long.toString((long) value) : Float.toString(value);
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
