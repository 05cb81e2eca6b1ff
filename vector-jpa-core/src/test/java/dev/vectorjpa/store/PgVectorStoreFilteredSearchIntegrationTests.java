package dev.vectorjpa.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference backend's filtered search: results equal brute force over the rows the filter selects.
 */
@DatabaseTest
class PgVectorStoreFilteredSearchIntegrationTests {

	private static final String[] CATEGORIES = { "technology", "science", "art" };

	private static final int DIMS = 32;

	private static final List<float[]> vectors = StoreTestVectors.random(11, 300, DIMS);

	private static final float[] query = StoreTestVectors.random(12, 1, DIMS).get(0);

	private static VectorStore store;

	private static List<Object> ids;

	@BeforeAll
	static void addVectors() {
		store = new PgVectorStore(TestSchema.current().dataSource(),
				StoreTestVectors.settings("filtered", DIMS).metric(Metric.EUCLIDEAN).build());
		List<Map<String, Object>> metadata = new ArrayList<>();
		for (int i = 0; i < vectors.size(); i++) {
			metadata.add(Map.of("category", category(i), "year", year(i)));
		}
		ids = store.add(vectors, null, metadata);
	}

	@Test
	void equalityOnTwoKeys() {
		// tag::filtered-search[]
		List<Match> results = store.search(query, 10,
				MetadataFilter.and(MetadataFilter.eq("category", "technology"), MetadataFilter.eq("year", 2024)));
		// end::filtered-search[]
		assertMatchesBruteForce(results, 10, (i) -> category(i).equals("technology") && year(i) == 2024);
		assertThat(results).allSatisfy((match) -> assertThat(match.metadata()).containsEntry("category", "technology")
			.containsEntry("year", 2024));
	}

	@Test
	void inGreaterThanOrAndNot() {
		assertMatchesBruteForce(store.search(query, 7, MetadataFilter.in("category", List.of("art", "science"))), 7,
				(i) -> !category(i).equals("technology"));
		assertMatchesBruteForce(store.search(query, 7, MetadataFilter.gt("year", 2022)), 7, (i) -> year(i) > 2022);
		assertMatchesBruteForce(store.search(query, 7, MetadataFilter.lte("year", 2021)), 7, (i) -> year(i) <= 2021);
		assertMatchesBruteForce(
				store.search(query, 7,
						MetadataFilter.or(MetadataFilter.eq("category", "art"), MetadataFilter.lt("year", 2021))),
				7, (i) -> category(i).equals("art") || year(i) < 2021);
		assertMatchesBruteForce(store.search(query, 7, MetadataFilter.not(MetadataFilter.eq("category", "art"))), 7,
				(i) -> !category(i).equals("art"));
	}

	@Test
	void filterSelectingFewerRowsThanKReturnsThemAll() {
		List<Match> results = store.search(query, 30,
				MetadataFilter.and(MetadataFilter.eq("category", "art"), MetadataFilter.eq("year", 2020)));
		long expected = java.util.stream.IntStream.range(0, vectors.size())
			.filter((i) -> category(i).equals("art") && year(i) == 2020)
			.count();
		assertThat(expected).isEqualTo(20);
		assertThat(results).hasSize(20);
		assertMatchesBruteForce(results, 30, (i) -> category(i).equals("art") && year(i) == 2020);
		assertThat(store.count(MetadataFilter.eq("category", "art"))).isEqualTo(100);
		assertThat(store.count(MetadataFilter.eq("category", "nothing"))).isZero();
	}

	private static void assertMatchesBruteForce(List<Match> results, int k, IntPredicate included) {
		List<Integer> expected = StoreTestVectors.nearest(Metric.EUCLIDEAN, vectors, query, k, included);
		assertThat(results).extracting(Match::id).containsExactlyElementsOf(expected.stream().map(ids::get).toList());
	}

	private static String category(int i) {
		return CATEGORIES[i % 3];
	}

	private static int year(int i) {
		return 2020 + (i / 3) % 5;
	}

}
