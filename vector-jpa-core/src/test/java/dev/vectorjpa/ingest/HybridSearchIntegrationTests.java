package dev.vectorjpa.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.vectorjpa.ingest.IngestRepositories.PassageRepository;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.repository.HybridOptions;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code findHybrid}: a corpus whose embeddings know topics but not identifiers. Exact codes are missed by the vector
 * alone and found by hybrid search; a query whose words match nothing still gets the vector ranking.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridSearchIntegrationTests {

	static final int TOPICS = 8;

	static final int DIMENSIONS = 16;

	AnnotationConfigApplicationContext context;

	PassageRepository passages;

	EntityManager entityManager;

	TransactionTemplate transaction;

	final List<Passage> corpus = new ArrayList<>();

	final float[][] centroids = new float[TOPICS][];

	Passage coded;

	@BeforeAll
	void start(TestSchema schema) {
		this.context = new AnnotationConfigApplicationContext(IngestTestConfiguration.class);
		this.passages = this.context.getBean(PassageRepository.class);
		this.entityManager = SharedEntityManagerCreator
			.createSharedEntityManager(this.context.getBean(EntityManagerFactory.class));
		this.transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		Random random = new Random(42);
		for (int t = 0; t < TOPICS; t++) {
			this.centroids[t] = randomUnit(random);
		}
		String[] words = { "river", "engine", "garden", "market", "planet", "violin", "harbor", "winter" };
		for (int i = 0; i < 400; i++) {
			int topic = i % TOPICS;
			Passage passage = new Passage();
			passage.id = UUID.randomUUID();
			passage.topic = topic;
			passage.text = "A note about the " + words[topic] + " and the " + words[(topic + 3) % TOPICS]
					+ " number " + i;
			passage.embedding = noisy(this.centroids[topic], random, 0.3f);
			this.corpus.add(passage);
		}
		// the identifier lives in a passage of topic 5; its embedding knows nothing of it
		this.coded = this.corpus.get(5 + 8 * 20);
		this.coded.text = "Firmware release ZX-1042 fixes the " + words[5] + " tuning";
		this.passages.bulkInsert(this.corpus);
		VectorIndexManager indexes = new VectorIndexManager(schema.dataSource(),
				this.context.getBean(EntityManagerFactory.class), VectorIndexSettings.builder().autoCreate(true).build());
		assertThat(indexes.createDeclaredIndexes()).isEqualTo(1);
		assertThat(indexes.createDeclaredIndexes()).isZero();
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@Test
	void anExactCodeMissedByTheVectorAloneIsFoundByHybridSearch() {
		float[] query = this.centroids[2]; // the asker's embedding points at another topic
		List<Nearest<Passage>> vectorOnly = this.passages.findNearest(query, 10);
		assertThat(vectorOnly).extracting((hit) -> hit.entity().id).doesNotContain(this.coded.id);
		List<Nearest<Passage>> hybrid = this.passages.findHybrid(query, "ZX-1042", 10);
		assertThat(hybrid).hasSize(10);
		// with equal weights the code's text rank 1 ties the best vector rank 1 (both 1 / (60 + 1)); ties go to the
		// smaller distance, so the code is second, right after the vector's best
		assertThat(hybrid.get(0).entity().id).isEqualTo(vectorOnly.get(0).entity().id);
		assertThat(hybrid.get(1).entity().id).isEqualTo(this.coded.id);
		assertThat(hybrid.get(1).score()).isCloseTo(1.0 / 61, org.assertj.core.data.Offset.offset(1e-12));
		List<Nearest<Passage>> textFirst = this.passages.findHybrid(query, "ZX-1042", 10,
				HybridOptions.builder().textWeight(2).build());
		assertThat(textFirst.get(0).entity().id).isEqualTo(this.coded.id);
		assertThat(textFirst.get(0).score()).isCloseTo(2.0 / 61, org.assertj.core.data.Offset.offset(1e-12));
	}

	@Test
	void aConceptualQueryWithoutMatchingWordsKeepsTheVectorRanking() {
		float[] query = noisy(this.centroids[6], new Random(7), 0.1f);
		List<UUID> expected = this.corpus.stream()
			.sorted(Comparator.comparingDouble((Passage p) -> cosineDistance(p.embedding, query)))
			.limit(10)
			.map((p) -> p.id)
			.toList();
		List<Nearest<Passage>> hybrid = this.passages.findHybrid(query, "what about philosophy", 10);
		assertThat(hybrid).extracting((hit) -> hit.entity().id).containsExactlyElementsOf(expected);
		assertThat(hybrid).allSatisfy((hit) -> assertThat(hit.entity().topic).isEqualTo(6));
		assertThat(hybrid.get(0).distance()).isCloseTo(cosineDistance(hybrid.get(0).entity().embedding, query),
				org.assertj.core.data.Offset.offset(1e-5));
	}

	@Test
	void wordsAndVectorAgreeingRankFirstAndWeightsShiftTheBalance() {
		float[] query = this.centroids[1];
		List<Nearest<Passage>> hybrid = this.passages.findHybrid(query, "engine", 5);
		assertThat(hybrid).allSatisfy((hit) -> assertThat(hit.entity().text).contains("engine"));
		List<Nearest<Passage>> textHeavy = this.passages.findHybrid(query, "harbor", 5,
				HybridOptions.builder().vectorWeight(0.01).textWeight(1).build());
		assertThat(textHeavy).allSatisfy((hit) -> assertThat(hit.entity().text).contains("harbor"));
	}

	@Test
	void theFullTextIndexIsAGinIndexTheTextRankingUses(TestSchema schema) throws Exception {
		assertThat(schema.query("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
				+ "AND indexname = 'passage_text_fts_idx'"))
			.containsExactly(List.of("CREATE INDEX passage_text_fts_idx ON " + schema.name()
					+ ".passage USING gin (to_tsvector('english'::regconfig, text))"));
		StringBuilder plan = new StringBuilder();
		try (java.sql.Connection connection = schema.connect(); java.sql.Statement statement = connection.createStatement()) {
			statement.execute("SET enable_seqscan = off");
			// the text ranking's filter exactly as findHybrid renders it
			try (java.sql.ResultSet rs = statement.executeQuery("EXPLAIN SELECT t.id FROM passage t, "
					+ "websearch_to_tsquery('english'::regconfig, 'engine') AS q(query) WHERE "
					+ "to_tsvector('english'::regconfig, t.text) @@ q.query")) {
				while (rs.next()) {
					plan.append(rs.getString(1)).append('\n');
				}
			}
		}
		assertThat(plan).contains("passage_text_fts_idx");
	}

	@Test
	void resultsAreManagedEntities() {
		this.transaction.executeWithoutResult((status) -> {
			List<Nearest<Passage>> hybrid = this.passages.findHybrid(this.centroids[0], "river", 3);
			assertThat(hybrid).allSatisfy((hit) -> assertThat(this.entityManager.contains(hit.entity())).isTrue());
		});
	}

	private static float[] randomUnit(Random random) {
		float[] v = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			v[i] = (float) random.nextGaussian();
		}
		return v;
	}

	private static float[] noisy(float[] centroid, Random random, float noise) {
		float[] v = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			v[i] = centroid[i] + noise * (float) random.nextGaussian();
		}
		return v;
	}

	static double cosineDistance(float[] a, float[] b) {
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
