package dev.vectorjpa.repository;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.Metric;
import dev.vectorjpa.criteria.VectorSpecifications;
import dev.vectorjpa.test.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code findNearest(Specification, float[], int)} against brute force, and {@link VectorSpecifications} with
 * Spring Data's {@code JpaSpecificationExecutor}. The transaction × domain matrix is in the read-path matrix tests.
 */
@DatabaseTest
class NearestSpecificationIntegrationTests extends RepositoryTestSupport {

	private static final int K = 10;

	@Test
	void findNearestWithSpecificationMatchesBruteForce() {
		float[] query = query(51);
		List<Nearest<Document>> result = this.documents.findNearest(categoryIs("tech"), query, K);
		TestVectors.assertNearest(result, this.documentData, (document) -> document.id,
				(document) -> document.category.equals("tech"), cosine(query), K);
		result.forEach((nearest) -> assertThat(nearest.score()).isCloseTo(1 - nearest.distance(), within(1e-12)));
	}

	@Test
	void specificationCombinesWithVectorSpecifications() {
		float[] query = query(52);
		Specification<Document> newsOrArts = categoryIs("news").or(categoryIs("arts"));
		List<Nearest<Document>> result = this.documents
			.findNearest(newsOrArts.and(VectorSpecifications.similarityAtLeast(query, 0.1)), query, 200);
		TestVectors.assertNearest(result, this.documentData, (document) -> document.id,
				(document) -> !document.category.equals("tech") && !document.category.equals("sport")
						&& 1 - cosine(query).applyAsDouble(document) >= 0.1,
				cosine(query), 200);
	}

	@Test
	void searchOptionsApply() {
		float[] query = query(53);
		List<Nearest<Document>> result = this.documents.findNearest(categoryIs("sport"), query, K,
				SearchOptions.builder().exact(true).efSearch(80).build());
		TestVectors.assertNearest(result, this.documentData, (document) -> document.id,
				(document) -> document.category.equals("sport"), cosine(query), K);
	}

	@Test
	void unrestrictedSpecificationIsThePlainSearch() {
		float[] query = query(54);
		assertThat(this.documents.findNearest(Specification.unrestricted(), query, K))
			.extracting((nearest) -> nearest.entity().id)
			.containsExactlyElementsOf(this.documents.findNearest(query, K)
				.stream()
				.map((nearest) -> nearest.entity().id)
				.toList());
	}

	@Test
	void anOrderSetByTheSpecificationGivesWayToDistance() {
		float[] query = query(55);
		Specification<Document> byIdDescending = (root, criteria, builder) -> {
			criteria.orderBy(builder.desc(root.get("id")));
			return builder.isTrue(root.get("published"));
		};
		TestVectors.assertNearest(this.documents.findNearest(byIdDescending, query, K), this.documentData,
				(document) -> document.id, (document) -> document.published, cosine(query), K);
	}

	@Test
	void badArgumentsAreRejectedBeforeAnySql() {
		float[] query = query(56);
		assertThatIllegalArgumentException().isThrownBy(() -> this.documents.findNearest(null, query, K))
			.withMessage("Parameter specification in VectorRepository.findNearest("
					+ "org.springframework.data.jpa.domain.Specification,float[],int) must not be null");
		// the repository proxy translates IllegalArgumentException, as Spring Data JPA's own methods do
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.documents.findNearest(categoryIs("tech"), query, 0))
			.withMessage("The number of nearest neighbours must be at least 1, got 0");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.documents.findNearest(categoryIs("tech"), new float[4], K))
			.withMessage("The query vector has 4 dimensions but embedding is vector(16)")
			.withCauseInstanceOf(InvalidVectorException.class);
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.items.findNearest(Specification.unrestricted(), query, K))
			.withMessageContaining("the inherited findNearest methods cannot be used");
	}

	@Test
	void specificationExecutorOrdersByDistanceWithALimit() {
		float[] query = query(57);
		List<MultiMetricItem> result = this.items.findBy(
				categoryItem("tech").and(VectorSpecifications.nearestFirst("euclidean", query)),
				(fluent) -> fluent.limit(K).all());
		assertDistancesInOrder(result, TestVectors.nearest(this.itemData, (item) -> item.category.equals("tech"),
				euclidean(query), K), euclidean(query));
	}

	@Test
	void specificationExecutorPagesByDistance() {
		float[] query = query(58);
		Page<MultiMetricItem> page = this.items.findAll(VectorSpecifications.nearestFirst("cosine", query),
				PageRequest.of(1, K));
		assertThat(page.getTotalElements()).isEqualTo(ROWS);
		ToDoubleFunction<MultiMetricItem> distance = (item) -> TestVectors.distance(Metric.COSINE, item.cosine, query);
		assertDistancesInOrder(page.getContent(),
				TestVectors.nearest(this.itemData, (item) -> true, distance, 2 * K).subList(K, 2 * K), distance);
	}

	@Test
	void specificationExecutorFiltersByDistance() {
		float[] query = query(59);
		List<MultiMetricItem> result = this.items.findAll(VectorSpecifications.distanceBelow("taxicab", query, 12.0));
		Set<Long> expected = this.itemData.stream()
			.filter((item) -> TestVectors.distance(Metric.L1, item.taxicab, query) < 12.0)
			.map((item) -> item.id)
			.collect(Collectors.toSet());
		assertThat(expected).isNotEmpty().hasSizeLessThan(ROWS);
		assertThat(result).extracting((item) -> item.id).containsExactlyInAnyOrderElementsOf(expected);
	}

	private static void assertDistancesInOrder(List<MultiMetricItem> actual, List<MultiMetricItem> expected,
			ToDoubleFunction<MultiMetricItem> distance) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < actual.size(); i++) {
			assertThat(distance.applyAsDouble(actual.get(i))).as("distance at %d", i)
				.isCloseTo(distance.applyAsDouble(expected.get(i)), within(1e-6));
		}
	}

	private static ToDoubleFunction<Document> cosine(float[] query) {
		return (document) -> TestVectors.distance(Metric.COSINE, document.embedding, query);
	}

	private static ToDoubleFunction<MultiMetricItem> euclidean(float[] query) {
		return (item) -> TestVectors.distance(Metric.EUCLIDEAN, item.euclidean, query);
	}

	private static Specification<Document> categoryIs(String category) {
		return (root, criteria, builder) -> builder.equal(root.get("category"), category);
	}

	private static Specification<MultiMetricItem> categoryItem(String category) {
		return (root, criteria, builder) -> builder.equal(root.get("category"), category);
	}

}
