package dev.vectorjpa.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the plain Spring context of {@link RepositoryTestConfiguration} on the class's schema and fills it with
 * 300 documents (16 dimensions, fixed seed) and as many multi-metric items, keeping Java copies for ground truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryTestSupport {

	static final int ROWS = 300;

	static final List<String> CATEGORIES = List.of("news", "sport", "tech", "arts");

	static final List<String> CITIES = List.of("Paris", "Lyon", "Nantes");

	static final List<String> WORDS = List.of("alpha", "Beta", "gamma", "delta_x", "50%off");

	AnnotationConfigApplicationContext context;

	EntityManagerFactory entityManagerFactory;

	EntityManager entityManager;

	TransactionTemplate transaction;

	DocumentRepository documents;

	MultiMetricItemRepository items;

	final List<Document> documentData = new ArrayList<>();

	final List<MultiMetricItem> itemData = new ArrayList<>();

	final List<Author> authors = new ArrayList<>();

	final List<SparseBitItem> sparseBitData = new ArrayList<>();

	SparseBitItemRepository sparseBitItems;

	@BeforeAll
	void startContext() {
		this.context = new AnnotationConfigApplicationContext(RepositoryTestConfiguration.class);
		this.entityManagerFactory = this.context.getBean(EntityManagerFactory.class);
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory);
		this.transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		this.documents = this.context.getBean(DocumentRepository.class);
		this.items = this.context.getBean(MultiMetricItemRepository.class);
		this.sparseBitItems = this.context.getBean(SparseBitItemRepository.class);
		Random random = new Random(42);
		for (long i = 1; i <= 5; i++) {
			this.authors.add(new Author(i, "author" + i));
		}
		for (long id = 1; id <= ROWS; id++) {
			Document document = new Document();
			document.id = id;
			document.title = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
			document.category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
			document.price = random.nextInt(100);
			document.published = random.nextBoolean();
			document.createdOn = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365));
			document.note = random.nextInt(3) == 0 ? null : "note" + id;
			document.address = new Address(CITIES.get(random.nextInt(CITIES.size())), "street " + id);
			document.author = (random.nextInt(6) == 0) ? null : this.authors.get(random.nextInt(this.authors.size()));
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("color", List.of("red", "green", "blue").get(random.nextInt(3)));
			if (random.nextInt(4) != 0) {
				metadata.put("size", random.nextInt(10));
			}
			metadata.put("nested", Map.of("level", random.nextInt(3)));
			document.metadata = metadata;
			document.embedding = TestVectors.random(random, Document.DIMENSIONS);
			this.documentData.add(document);
			MultiMetricItem item = new MultiMetricItem();
			item.id = id;
			item.category = document.category;
			float[] vector = TestVectors.random(random, Document.DIMENSIONS);
			item.cosine = vector;
			item.euclidean = vector;
			item.innerProduct = vector;
			item.taxicab = vector;
			item.half = vector;
			this.itemData.add(item);
			SparseBitItem sparseBit = new SparseBitItem();
			sparseBit.id = id;
			sparseBit.terms = SparseVector.fromArray(sparse(random));
			sparseBit.hamming = bits(random);
			sparseBit.jaccard = sparseBit.hamming;
			this.sparseBitData.add(sparseBit);
		}
		this.transaction.executeWithoutResult((status) -> {
			this.authors.forEach(this.entityManager::persist);
			this.documentData.forEach(this.entityManager::persist);
			this.itemData.forEach(this.entityManager::persist);
			this.sparseBitData.forEach(this.entityManager::persist);
		});
	}

	@AfterAll
	void closeContext() {
		if (this.context != null) {
			this.context.close();
		}
	}

	// about a quarter of the dimensions set
	static float[] sparse(Random random) {
		float[] dense = new float[Document.DIMENSIONS];
		for (int i = 0; i < dense.length; i++) {
			dense[i] = (random.nextInt(4) == 0) ? (random.nextInt(64) + 1) / 64f : 0;
		}
		dense[random.nextInt(dense.length)] = 1;
		return dense;
	}

	static BitVector bits(Random random) {
		boolean[] bits = new boolean[SparseBitItem.BITS];
		for (int i = 0; i < bits.length; i++) {
			bits[i] = random.nextBoolean();
		}
		bits[0] = true;
		return BitVector.of(bits);
	}

	float[] query(long seed) {
		return TestVectors.random(new Random(seed), Document.DIMENSIONS);
	}

}
