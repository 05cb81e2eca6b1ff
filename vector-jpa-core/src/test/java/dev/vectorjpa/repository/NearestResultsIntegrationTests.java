package dev.vectorjpa.repository;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.Metric;
import dev.vectorjpa.repository.DocumentRepository.DocumentSummary;
import dev.vectorjpa.repository.DocumentRepository.TitleOnly;
import dev.vectorjpa.repository.query.QueryScope;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import dev.vectorjpa.test.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Vector;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Return types, thresholds, limits, search options, managed entities and metadata filters, against ground truth.
 */
@DatabaseTest
class NearestResultsIntegrationTests extends RepositoryTestSupport {

	@Test
	void plainJpaMethodsKeepWorking() {
		assertThat(this.documents.count()).isEqualTo(ROWS);
		assertThat(this.documents.findById(5L)).hasValueSatisfying((d) -> assertThat(d.title)
			.isEqualTo(this.documentData.get(4).title));
		assertThat(this.documents.findByCategoryOrderByIdAsc("news")).extracting(Document::getId)
			.containsExactlyElementsOf(ids(this.documentData.stream().filter((d) -> d.category.equals("news"))));
	}

	@Test
	void entityListWithVectorAndLimit() {
		float[] query = query(11);
		List<Document> result = this.documents.findNearestByCategoryInAndTitleContaining(Vector.of(query),
				List.of("news", "tech"), "a", Limit.of(6));
		assertThat(result).extracting(Document::getId).containsExactlyElementsOf(expectedIds(query,
				(d) -> (d.category.equals("news") || d.category.equals("tech")) && d.title.contains("a"), 6));
		assertThat(this.documents.findNearestByPriceGreaterThan(query, 50, Limit.of(4))).extracting(Document::getId)
			.containsExactlyElementsOf(expectedIds(query, (d) -> d.price > 50, 4));
	}

	@Test
	void searchResultsCarryTheSimilarity() {
		float[] query = query(12);
		SearchResults<Document> results = this.documents.findNearestByCategory(Vector.of(query), "arts",
				Limit.of(5));
		List<Long> expected = expectedIds(query, (d) -> d.category.equals("arts"), 5);
		assertThat(results.getContent()).extracting((r) -> r.getContent().id).containsExactlyElementsOf(expected);
		for (SearchResult<Document> result : results) {
			double distance = TestVectors.distance(Metric.COSINE, result.getContent().embedding, query);
			assertThat(result.getScore().getValue()).isCloseTo(1 - distance, within(1e-4));
			assertThat(result.getScore()).isInstanceOf(Similarity.class);
		}
		assertThat(this.documents.searchNearestBy(query, 3).getContent()).extracting((r) -> r.getContent().id)
			.containsExactlyElementsOf(expectedIds(query, (d) -> true, 3));
	}

	@Test
	void streamOfNearest() {
		float[] query = query(13);
		try (Stream<Nearest<Document>> stream = this.documents.streamNearestByPublishedTrue(query, 5)) {
			assertThat(stream.map((n) -> n.entity().id).toList())
				.containsExactlyElementsOf(expectedIds(query, (d) -> d.published, 5));
		}
	}

	@Test
	void interfaceAndRecordProjections() {
		float[] query = query(14);
		List<Long> expected = expectedIds(query, (d) -> !d.category.equals("news"), 5);
		List<TitleOnly> titles = this.documents.findNearestByCategoryNot(query, "news", Limit.of(5));
		assertThat(titles).extracting(TitleOnly::getTitle)
			.containsExactlyElementsOf(expected.stream().map((id) -> this.documentData.get(id.intValue() - 1).title)
				.toList());
		List<Nearest<DocumentSummary>> summaries = this.documents.findNearestByPublishedFalse(query, Limit.of(5));
		List<Long> expectedUnpublished = expectedIds(query, (d) -> !d.published, 5);
		assertThat(summaries).extracting((n) -> n.entity().id()).containsExactlyElementsOf(expectedUnpublished);
		Document first = this.documentData.get(expectedUnpublished.get(0).intValue() - 1);
		assertThat(summaries.get(0).entity()).isEqualTo(new DocumentSummary(first.id, first.title, first.price));
		assertThat(summaries.get(0).score()).isCloseTo(1 - TestVectors.distance(Metric.COSINE, first.embedding, query),
				within(1e-4));
	}

	@Test
	void similarityScoreAndRangeThresholds() {
		float[] query = query(15);
		List<Nearest<Document>> similar = this.documents.findNearestByCategory(query, "tech", Similarity.of(0.2),
				ROWS);
		assertThat(similar).extracting((n) -> n.entity().id).containsExactlyElementsOf(expectedIds(query,
				(d) -> d.category.equals("tech") && 1 - distance(d, query) >= 0.2, ROWS));
		List<Nearest<Document>> scored = this.documents.findNearestBy(query, Score.of(0.25), ROWS);
		assertThat(scored).isNotEmpty()
			.extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, (d) -> 1 - distance(d, query) >= 0.25, ROWS));
		List<Nearest<Document>> ranged = this.documents.findNearestBy(query, Similarity.between(0.1, 0.3),
				Limit.of(ROWS));
		assertThat(ranged).isNotEmpty()
			.extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, (d) -> {
				double score = 1 - distance(d, query);
				return score >= 0.1 && score <= 0.3;
			}, ROWS));
		assertThat(ranged).allSatisfy((n) -> assertThat(n.score()).isBetween(0.1 - 1e-6, 0.3 + 1e-6));
		List<Nearest<Document>> unboundedAbove = this.documents.findNearestBy(query,
				Range.rightUnbounded(Range.Bound.exclusive(Similarity.of(0.3))), Limit.of(ROWS));
		assertThat(unboundedAbove).extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, (d) -> 1 - distance(d, query) > 0.3, ROWS));
	}

	@Test
	void searchOptionsAreSetLocallyInTheCallersTransaction() {
		float[] query = query(16);
		SearchOptions options = SearchOptions.builder()
			.efSearch(77)
			.probes(5)
			.iterativeScan(SearchOptions.IterativeScan.RELAXED_ORDER)
			.maxScanTuples(1234)
			.build();
		List<Object> settings = this.transaction.execute((status) -> {
			List<Nearest<Document>> result = this.documents.findNearestByCategory(query, "news", 4, options);
			assertThat(result).extracting((n) -> n.entity().id)
				.containsExactlyElementsOf(expectedIds(query, (d) -> d.category.equals("news"), 4));
			return List.of(this.entityManager.createNativeQuery("SELECT current_setting('hnsw.ef_search') || ','"
					+ " || current_setting('ivfflat.probes') || ',' || current_setting('hnsw.iterative_scan') || ','"
					+ " || current_setting('ivfflat.iterative_scan') || ',' || current_setting('hnsw.max_scan_tuples')")
				.getSingleResult());
		});
		assertThat(settings).containsExactly("77,5,relaxed_order,relaxed_order,1234");
		// SET LOCAL: gone after the transaction
		Object after = this.transaction.execute((status) -> this.entityManager
			.createNativeQuery("SELECT current_setting('hnsw.ef_search')").getSingleResult());
		assertThat(after).isEqualTo("40");
		// without a caller transaction the method opens one of its own
		assertThat(this.documents.findNearest(query, 3, options)).extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, (d) -> true, 3));
	}

	@Test
	void entitiesAreManagedAndUpdatable() {
		float[] query = query(17);
		this.transaction.executeWithoutResult((status) -> {
			Nearest<Document> nearest = this.documents.findNearest(query, 1).get(0);
			assertThat(this.entityManager.contains(nearest.entity())).isTrue();
			assertThat(this.documents.findById(nearest.entity().id)).containsSame(nearest.entity());
			nearest.entity().note = "updated";
			this.entityManager.flush();
		});
		long id = expectedIds(query, (d) -> true, 1).get(0);
		Object note = this.transaction.execute((status) -> this.entityManager
			.createNativeQuery("SELECT note FROM document WHERE id = " + id).getSingleResult());
		assertThat(note).isEqualTo("updated");
		this.transaction.executeWithoutResult((status) -> this.entityManager
			.createNativeQuery("UPDATE document SET note = :note WHERE id = :id")
			.setParameter("note", this.documentData.get((int) id - 1).note)
			.setParameter("id", id)
			.executeUpdate());
	}

	@Test
	void metadataFilterAndCount() {
		float[] query = query(18);
		MetadataFilter filter = MetadataFilter.and(MetadataFilter.eq("color", "red"),
				MetadataFilter.or(MetadataFilter.gte("size", 5), MetadataFilter.not(MetadataFilter.exists("size"))),
				MetadataFilter.ne("nested.level", 2));
		Predicate<Document> matches = (d) -> d.metadata.get("color").equals("red")
				&& (!d.metadata.containsKey("size") || (Integer) d.metadata.get("size") >= 5)
				&& !Objects.equals(((Map<?, ?>) d.metadata.get("nested")).get("level"), 2);
		assertThat(this.documents.findNearest(query, 6, filter)).extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, matches, 6));
		assertThat(this.documents.count(filter))
			.isEqualTo(this.documentData.stream().filter(matches).count());
		MetadataFilter in = MetadataFilter.and(MetadataFilter.in("color", List.of("green", "blue")),
				MetadataFilter.nin("size", List.of(1, 2, 3)), MetadataFilter.lt("nested.level", 2));
		Predicate<Document> inMatches = (d) -> List.of("green", "blue").contains(d.metadata.get("color"))
				&& !(d.metadata.get("size") instanceof Integer size && size >= 1 && size <= 3)
				&& (Integer) ((Map<?, ?>) d.metadata.get("nested")).get("level") < 2;
		assertThat(this.documents.findNearest(query, 5, in, SearchOptions.builder().exact(true).build()))
			.extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, inMatches, 5));
		assertThat(this.documents.count(in)).isEqualTo(this.documentData.stream().filter(inMatches).count());
		assertThat(this.documents.count(MetadataFilter.not(MetadataFilter.gt("size", 4))))
			.isEqualTo(this.documentData.stream()
				.filter((d) -> !(d.metadata.get("size") instanceof Integer size && size > 4))
				.count());
	}

	@Test
	void queryScopeRestrictsEverySearchAndCount() {
		// the multi-tenancy hook: one condition, rendered at start-up, bound per call
		QueryScope onlyTech = (columns) -> new QueryScope.Condition() {

			@Override
			public String sql() {
				return columns.resolve("category").expression() + " = :vjpa_scope_category";
			}

			@Override
			public void bind(BiConsumer<String, Object> binder) {
				binder.accept("vjpa_scope_category", "tech");
			}

		};
		VectorRepositoryFactoryBean<DocumentRepository, Document, Long> factory = new VectorRepositoryFactoryBean<>(
				DocumentRepository.class);
		factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory));
		factory.setBeanFactory(this.context.getBeanFactory());
		factory.setQueryScope(onlyTech);
		factory.afterPropertiesSet();
		DocumentRepository scoped = factory.getObject();
		float[] query = query(19);
		Predicate<Document> tech = (d) -> d.category.equals("tech");
		assertThat(scoped.findNearest(query, 5)).extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, tech, 5));
		assertThat(scoped.findNearestByPriceGreaterThan(query, 50, 5)).extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, tech.and((d) -> d.price > 50), 5));
		MetadataFilter red = MetadataFilter.eq("color", "red");
		assertThat(scoped.findNearest(query, 5, red)).extracting((n) -> n.entity().id)
			.containsExactlyElementsOf(expectedIds(query, tech.and((d) -> d.metadata.get("color").equals("red")), 5));
		assertThat(scoped.count(red)).isEqualTo(
				this.documentData.stream().filter(tech.and((d) -> d.metadata.get("color").equals("red"))).count());
	}

	@Test
	void searchDefaultsOfTheFactoryBeanApplyWhereACallSetsNothing() {
		VectorRepositoryFactoryBean<DocumentRepository, Document, Long> factory = new VectorRepositoryFactoryBean<>(
				DocumentRepository.class);
		factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory));
		factory.setBeanFactory(this.context.getBeanFactory());
		factory.setSearchDefaults(SearchOptions.builder().efSearch(55).probes(3).build());
		factory.afterPropertiesSet();
		DocumentRepository withDefaults = factory.getObject();
		Object settings = this.transaction.execute((status) -> {
			withDefaults.findNearestByCategory(query(20), "news", 3, SearchOptions.builder().probes(7).build());
			return this.entityManager
				.createNativeQuery("SELECT current_setting('hnsw.ef_search') || ',' || current_setting('ivfflat.probes')")
				.getSingleResult();
		});
		assertThat(settings).isEqualTo("55,7");
		Object defaultsOnly = this.transaction.execute((status) -> {
			withDefaults.findNearest(query(20), 3);
			return this.entityManager.createNativeQuery("SELECT current_setting('ivfflat.probes')").getSingleResult();
		});
		assertThat(defaultsOnly).isEqualTo("3");
	}

	@Test
	void badArgumentsFailBeforeAnySql() {
		// like every Spring Data JPA repository, the proxy translates IllegalArgumentException
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.documents.findNearest(new float[3], 2))
			.withMessage("The query vector has 3 dimensions but embedding is vector(16)")
			.withCauseInstanceOf(InvalidVectorException.class);
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.documents.findNearest(query(1), 0))
			.withMessage("The number of nearest neighbours must be at least 1, got 0");
		// this package is @NullMarked: Spring Data rejects the null before the query sees it
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.documents.findNearestByCategory(query(1), null, 3))
			.withMessage("Parameter category in DocumentRepository.findNearestByCategory(float[],java.lang.String,int) "
					+ "must not be null");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.documents.findNearestByPriceGreaterThan(query(1), 3, Limit.unlimited()))
			.withMessage("findNearestByPriceGreaterThan needs a limited number of results, got Limit.unlimited()");
	}

	private double distance(Document document, float[] query) {
		return TestVectors.distance(Metric.COSINE, document.embedding, query);
	}

	private List<Long> expectedIds(float[] query, Predicate<Document> filter, int k) {
		return ids(TestVectors.nearest(this.documentData, filter, (d) -> distance(d, query), k).stream());
	}

	private static List<Long> ids(Stream<Document> documents) {
		return documents.map(Document::getId).toList();
	}

}
