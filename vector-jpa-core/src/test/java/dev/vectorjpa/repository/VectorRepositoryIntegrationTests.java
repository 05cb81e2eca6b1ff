package dev.vectorjpa.repository;

import java.util.List;
import java.util.function.Predicate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.test.DatabaseTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The inherited {@code findNearest} methods and derived methods against brute-force ground truth, no ANN index.
 */
@DatabaseTest
class VectorRepositoryIntegrationTests extends RepositoryTestSupport {

	@Test
	void inheritedFindNearestMatchesBruteForce() {
		float[] query = query(1);
		List<Nearest<Document>> result = this.documents.findNearest(query, 10);
		assertMatches(result, query, (d) -> true, 10);
	}

	@Test
	void derivedFindNearestByCategoryMatchesBruteForce() {
		float[] query = query(2);
		assertMatches(this.documents.findNearestByCategory(query, "tech", 7), query, (d) -> d.category.equals("tech"),
				7);
	}

	@Test
	void plainJpaDerivedQueriesKeepWorking() {
		assertThat(this.documents.findByCategoryOrderByIdAsc("news")).extracting(Document::getId)
			.containsExactlyElementsOf(this.documentData.stream()
				.filter((d) -> d.category.equals("news"))
				.map(Document::getId)
				.toList());
	}

	void assertMatches(List<Nearest<Document>> result, float[] query, Predicate<Document> filter, int k) {
		List<Document> expected = TestVectors.nearest(this.documentData, filter,
				(d) -> TestVectors.distance(Metric.COSINE, d.embedding, query), k);
		assertThat(result).extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expected.stream().map((d) -> d.id).toList());
		for (int i = 0; i < result.size(); i++) {
			double distance = TestVectors.distance(Metric.COSINE, expected.get(i).embedding, query);
			assertThat(result.get(i).distance()).isCloseTo(distance, within(1e-4 * Math.max(1, Math.abs(distance))));
			assertThat(result.get(i).score()).isCloseTo(1 - distance, within(1e-4));
		}
	}

}
