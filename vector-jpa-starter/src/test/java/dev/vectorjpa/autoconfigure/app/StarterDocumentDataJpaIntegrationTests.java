package dev.vectorjpa.autoconfigure.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Data JPA test slice loads vector-jpa: the dimensions come from {@code vector-jpa.dimensions} and the repository
 * is a vector repository, against the class's schema (not an embedded database).
 */
@DatabaseTest
@DataJpaTest(properties = { "vector-jpa.dimensions=3", "spring.jpa.hibernate.ddl-auto=create-drop" })
class StarterDocumentDataJpaIntegrationTests {

	@Autowired
	StarterDocumentRepository repository;

	@Autowired
	EntityManager entityManager;

	@Test
	void vectorRepositoryFindsTheBruteForceNearestInTheSlice(TestSchema schema) {
		assertThat(this.entityManager.createNativeQuery("SELECT current_schema()").getSingleResult())
			.isEqualTo(schema.name());
		Random random = new Random(19);
		List<StarterDocument> documents = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			documents.add(new StarterDocument(UUID.randomUUID(), "d" + i,
					new float[] { random.nextFloat() - 0.5f, random.nextFloat() - 0.5f, random.nextFloat() - 0.5f }));
		}
		this.repository.saveAll(documents);
		this.entityManager.flush();
		float[] query = { 0.3f, -0.2f, 0.9f };
		List<StarterDocument> expected = documents.stream()
			.sorted(Comparator.comparingDouble((StarterDocument d) -> cosineDistance(d.getEmbedding(), query)))
			.limit(5)
			.toList();
		List<Nearest<StarterDocument>> nearest = this.repository.findNearest(query, 5);
		assertThat(nearest).extracting((hit) -> hit.entity().getTitle())
			.containsExactlyElementsOf(expected.stream().map(StarterDocument::getTitle).toList());
		assertThat(nearest.get(0).distance()).isCloseTo(cosineDistance(expected.get(0).getEmbedding(), query),
				within(1e-5));
		assertThat(schema.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
				+ schema.name() + ".starter_documents'::regclass AND attname = 'embedding'"))
			.containsExactly(List.of("vector(3)"));
	}

	private static double cosineDistance(float[] a, float[] b) {
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
