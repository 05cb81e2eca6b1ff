package dev.vectorjpa.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.test.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Derived criteria on the identifier: a basic {@code @Id}, the id of a to-one association, and the parts of an
 * {@code @EmbeddedId}, checked against brute force.
 */
@DatabaseTest
class IdCriteriaIntegrationTests extends RepositoryTestSupport {

	private final List<Chapter> chapters = new ArrayList<>();

	private ChapterRepository chapterRepository;

	@BeforeAll
	void addChapters() {
		this.chapterRepository = this.context.getBean(ChapterRepository.class);
		Random random = new Random(7);
		for (long book = 1; book <= 4; book++) {
			for (int number = 1; number <= 12; number++) {
				this.chapters.add(new Chapter(new ChapterKey(book, number),
						TestVectors.random(random, Document.DIMENSIONS)));
			}
		}
		this.transaction.executeWithoutResult((status) -> this.chapters.forEach(this.entityManager::persist));
	}

	@Test
	void criteriaOnTheId() {
		float[] query = query(141);
		assertDocuments(this.documents.findNearestById(query, 17L, 3), query, (d) -> d.id == 17L, 3);
		Set<Long> ids = Set.of(3L, 40L, 41L, 99L, 250L, 1000L);
		assertDocuments(this.documents.findNearestByIdIn(query, ids, 4), query, (d) -> ids.contains(d.id), 4);
		assertDocuments(this.documents.findNearestByIdGreaterThan(query, 220L, 6), query, (d) -> d.id > 220L, 6);
	}

	@Test
	void criteriaOnTheIdOfAnAssociation() {
		float[] query = query(142);
		assertDocuments(this.documents.findNearestByAuthorId(query, 2L, 5), query,
				(d) -> d.author != null && d.author.id == 2L, 5);
		Set<Long> authors = Set.of(1L, 4L);
		assertDocuments(this.documents.findNearestByAuthorIdIn(query, authors, 7), query,
				(d) -> d.author != null && authors.contains(d.author.id), 7);
	}

	@Test
	void criteriaOnThePartsOfAnEmbeddedId() {
		float[] query = query(143);
		TestVectors.assertNearest(this.chapterRepository.findNearestByIdBookId(query, 3L, 5), this.chapters,
				(chapter) -> chapter.id, (chapter) -> chapter.id.bookId == 3L, (chapter) -> distance(chapter, query), 5);
		TestVectors.assertNearest(this.chapterRepository.findNearestByIdBookIdAndIdNumberLessThan(query, 2L, 6, 4),
				this.chapters, (chapter) -> chapter.id, (chapter) -> chapter.id.bookId == 2L && chapter.id.number < 6,
				(chapter) -> distance(chapter, query), 4);
	}

	private void assertDocuments(List<Nearest<Document>> found, float[] query, Predicate<Document> filter, int k) {
		TestVectors.assertNearest(found, this.documentData, (document) -> document.id, filter,
				(document) -> TestVectors.distance(Metric.COSINE, document.embedding, query), k);
	}

	private static double distance(Chapter chapter, float[] query) {
		return TestVectors.distance(Metric.COSINE, Objects.requireNonNull(chapter.embedding), query);
	}

}
