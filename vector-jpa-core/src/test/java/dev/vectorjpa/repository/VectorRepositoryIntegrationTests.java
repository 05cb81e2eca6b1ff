package dev.vectorjpa.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.test.DatabaseTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every criteria keyword of derived {@code findNearest…} methods, and the inherited {@code findNearest}, against
 * brute-force ground truth computed in Java (cosine, no ANN index).
 */
@DatabaseTest
class VectorRepositoryIntegrationTests extends RepositoryTestSupport {

	private static final int K = 8;

	private static final LocalDate MID_YEAR = LocalDate.of(2024, 7, 1);

	@Test
	void inheritedFindNearestMatchesBruteForce() {
		float[] query = query(1);
		assertMatches(this.documents.findNearest(query, 10), query, (d) -> true, 10);
	}

	@Test
	void findNearestByWithoutCriteria() {
		float[] query = query(2);
		assertMatches(this.documents.findNearestBy(query, K), query, (d) -> true, K);
	}

	@Test
	void equalsNotInAndNotIn() {
		float[] query = query(3);
		assertMatches(this.documents.findNearestByCategory(query, "tech", K), query, (d) -> d.category.equals("tech"),
				K);
		assertMatches(this.documents.findNearestByCategoryNot(query, "tech", K), query,
				(d) -> !d.category.equals("tech"), K);
		assertMatches(this.documents.findNearestByCategoryIn(query, List.of("news", "arts"), K), query,
				(d) -> Set.of("news", "arts").contains(d.category), K);
		assertMatches(this.documents.findNearestByCategoryNotIn(query, List.of("news", "arts"), K), query,
				(d) -> !Set.of("news", "arts").contains(d.category), K);
		assertMatches(this.documents.findNearestByCategoryIgnoreCase(query, "SpOrT", K), query,
				(d) -> d.category.equals("sport"), K);
	}

	@Test
	void comparisonsAndBetween() {
		float[] query = query(4);
		assertMatches(this.documents.findNearestByPriceLessThan(query, 30, K), query, (d) -> d.price < 30, K);
		assertMatches(this.documents.findNearestByPriceLessThanEqual(query, 30, K), query, (d) -> d.price <= 30, K);
		assertMatches(this.documents.findNearestByPriceGreaterThan(query, 70, K), query, (d) -> d.price > 70, K);
		assertMatches(this.documents.findNearestByPriceGreaterThanEqual(query, 70, K), query, (d) -> d.price >= 70,
				K);
		assertMatches(this.documents.findNearestByPriceIn(query, new int[] { 1, 5, 10, 50 }, K), query,
				(d) -> Set.of(1, 5, 10, 50).contains(d.price), K);
		assertMatches(this.documents.findNearestByPriceBetween(query, 20, 40, K), query,
				(d) -> d.price >= 20 && d.price <= 40, K);
		assertMatches(this.documents.findNearestByCreatedOnAfter(query, MID_YEAR, K), query,
				(d) -> d.createdOn.isAfter(MID_YEAR), K);
		assertMatches(this.documents.findNearestByCreatedOnBefore(query, MID_YEAR, K), query,
				(d) -> d.createdOn.isBefore(MID_YEAR), K);
	}

	@Test
	void likeFamilyEscapesWildcardsInValues() {
		float[] query = query(5);
		assertMatches(this.documents.findNearestByTitleLike(query, "gamma%", K), query,
				(d) -> d.title.startsWith("gamma"), K);
		assertMatches(this.documents.findNearestByTitleNotLike(query, "gamma%", K), query,
				(d) -> !d.title.startsWith("gamma"), K);
		assertMatches(this.documents.findNearestByTitleContaining(query, "50%", K), query,
				(d) -> d.title.contains("50%"), K);
		assertMatches(this.documents.findNearestByTitleContaining(query, "a_x", K), query,
				(d) -> d.title.contains("a_x"), K);
		assertMatches(this.documents.findNearestByTitleNotContaining(query, "alpha", K), query,
				(d) -> !d.title.contains("alpha"), K);
		assertMatches(this.documents.findNearestByTitleContainingIgnoreCase(query, "BETA", K), query,
				(d) -> d.title.toUpperCase().contains("BETA"), K);
		assertMatches(this.documents.findNearestByTitleStartingWith(query, "delta", K), query,
				(d) -> d.title.startsWith("delta"), K);
		assertMatches(this.documents.findNearestByTitleEndingWith(query, "off", K), query,
				(d) -> d.title.endsWith("off"), K);
	}

	@Test
	void nullAndBooleanKeywords() {
		float[] query = query(6);
		assertMatches(this.documents.findNearestByNoteIsNull(query, K), query, (d) -> d.note == null, K);
		assertMatches(this.documents.findNearestByNoteIsNotNull(query, K), query, (d) -> d.note != null, K);
		assertMatches(this.documents.findNearestByPublishedTrue(query, K), query, (d) -> d.published, K);
		assertMatches(this.documents.findNearestByPublishedFalse(query, K), query, (d) -> !d.published, K);
	}

	@Test
	void embeddableAndToOneAssociationPaths() {
		float[] query = query(7);
		assertMatches(this.documents.findNearestByAddressCity(query, "Lyon", K), query,
				(d) -> d.address.city.equals("Lyon"), K);
		assertMatches(this.documents.findNearestByAuthorName(query, "author3", K), query,
				(d) -> d.author != null && d.author.name.equals("author3"), K);
		assertMatches(this.documents.findNearestByAuthorNameAndAddressCity(query, "author2", "Paris", K), query,
				(d) -> d.author != null && d.author.name.equals("author2") && d.address.city.equals("Paris"), K);
	}

	@Test
	void andOrCombinations() {
		float[] query = query(8);
		assertMatches(this.documents.findNearestByCategoryAndPriceGreaterThan(query, "news", 50, K), query,
				(d) -> d.category.equals("news") && d.price > 50, K);
		assertMatches(this.documents.findNearestByCategoryOrPriceLessThan(query, "news", 10, K), query,
				(d) -> d.category.equals("news") || d.price < 10, K);
		assertMatches(this.documents.findNearestByCategoryAndPublishedTrueOrPriceLessThan(query, "arts", 5, 2 * K),
				query, (d) -> (d.category.equals("arts") && d.published) || d.price < 5, 2 * K);
	}

	@Test
	void fewerMatchesThanKReturnsAllMatches() {
		float[] query = query(9);
		List<Nearest<Document>> result = this.documents.findNearestByAuthorNameAndAddressCity(query, "author1",
				"Nantes", ROWS);
		long expected = this.documentData.stream()
			.filter((d) -> d.author != null && d.author.name.equals("author1") && d.address.city.equals("Nantes"))
			.count();
		assertThat(result).hasSize((int) expected);
		assertMatches(result, query, (d) -> d.author != null && Objects.equals(d.author.name, "author1")
				&& d.address.city.equals("Nantes"), ROWS);
	}

	void assertMatches(List<Nearest<Document>> result, float[] query, Predicate<Document> filter, int k) {
		TestVectors.assertNearest(result, this.documentData, (d) -> d.id, filter,
				(d) -> TestVectors.distance(Metric.COSINE, d.embedding, query), k);
		for (Nearest<Document> nearest : result) {
			assertThat(nearest.score()).isCloseTo(1 - nearest.distance(), within(1e-9));
		}
	}

}
