package dev.vectorjpa.filtered;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.SearchOptions.FilterStrategy;
import dev.vectorjpa.repository.SearchOptions.IterativeScan;
import dev.vectorjpa.repository.query.FilteredSearchStrategy;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Score;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.vectorjpa.filtered.FilteredSearchFixture.DOMAINS;
import static dev.vectorjpa.filtered.FilteredSearchFixture.DOMAIN_START;
import static dev.vectorjpa.filtered.FilteredSearchFixture.K;
import static dev.vectorjpa.filtered.FilteredSearchFixture.ROWS;
import static dev.vectorjpa.filtered.FilteredSearchFixture.SELECTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With default settings, filtered nearest searches (column criteria, metadata filters, domains, their combinations)
 * keep recall@10 at least 0.95 against brute force at 0.1 %, 1 %, 10 %, 50 % and 100 % selectivity, on data where the
 * selected rows lie far from the queries; the strategy each call ran is the one the bounded count calls for.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilteredSearchIntegrationTests {

	private static final int QUERIES = 12;

	private FilteredSearchFixture fixture;

	@BeforeAll
	void load(TestSchema schema) {
		this.fixture = new FilteredSearchFixture(schema);
		assertThat(this.fixture.all).hasSize(ROWS);
	}

	@BeforeEach
	void forgetStrategies() {
		this.fixture.strategies.take();
	}

	@AfterAll
	void close() {
		this.fixture.close();
	}

	@Test
	void columnCriteriaKeepRecallAtEverySelectivity() {
		for (int selected : SELECTED) {
			check(selected, null, (query) -> this.fixture.docs.findNearestByBucketLessThan(query, selected, K),
					(doc) -> doc.getBucket() < selected);
		}
	}

	@Test
	void metadataFiltersKeepRecallAtEverySelectivity() {
		for (int selected : SELECTED) {
			MetadataFilter filter = MetadataFilter.lt("bucket", selected);
			check(selected, null, (query) -> this.fixture.docs.findNearest(query, K, filter),
					(doc) -> doc.getBucket() < selected);
		}
	}

	@Test
	void domainsKeepRecallAtEverySelectivity() {
		for (int d = 0; d < 4; d++) {
			String domain = DOMAINS.get(d);
			check(DOMAIN_START[d + 1] - DOMAIN_START[d], domain, (query) -> this.fixture.docs.findNearest(query, K),
					(doc) -> FilteredSearchFixture.domainOf(doc.getBucket()).equals(domain));
		}
		// 100 %: no domain is current, nothing filters and the index serves the query as before
		double recall = 0;
		for (int q = 0; q < QUERIES; q++) {
			float[] query = this.fixture.query();
			recall += FilteredSearchFixture.recall(this.fixture.docs.findNearest(query, K),
					this.fixture.bruteForce(query, (doc) -> true, K));
		}
		assertThat(recall / QUERIES).isGreaterThanOrEqualTo(0.95);
		assertThat(this.fixture.strategies.take()).containsOnly("index");
	}

	@Test
	void criteriaAndMetadataFiltersWithinADomainKeepRecall() {
		// the 50 % domain "large" (buckets 444-2443) narrowed to 0.1 %, 1 %, 10 % and 50 % of the table
		int start = DOMAIN_START[3];
		for (int selected : new int[] { 4, 40, 400, 2000 }) {
			Predicate<FilteredDoc> expected = (doc) -> doc.getBucket() >= start && doc.getBucket() < start + selected;
			check(selected, "large",
					(query) -> this.fixture.docs.findNearestByBucketLessThan(query, start + selected, K), expected);
			MetadataFilter filter = MetadataFilter.lt("bucket", start + selected);
			check(selected, "large", (query) -> this.fixture.docs.findNearest(query, K, filter), expected);
		}
	}

	@Test
	void autoKeepsRecallInsideAndOutsideTransactions() {
		TransactionTemplate readOnly = new TransactionTemplate(this.fixture.transactionManager);
		readOnly.setReadOnly(true);
		TransactionTemplate readWrite = new TransactionTemplate(this.fixture.transactionManager);
		for (int selected : new int[] { 40, 2000 }) {
			for (TransactionTemplate transaction : List.of(readOnly, readWrite)) {
				check(selected, null, (query) -> transaction
					.execute((status) -> this.fixture.docs.findNearestByBucketLessThan(query, selected, K)),
						(doc) -> doc.getBucket() < selected);
			}
		}
	}

	@Test
	void exactOverrideScansExactlyAtAnySelectivity() {
		SearchOptions exact = SearchOptions.builder().filterStrategy(FilterStrategy.EXACT).build();
		for (int selected : new int[] { 40, 2000 }) {
			float[] query = this.fixture.query();
			assertThat(ids(this.fixture.docs.findNearestByBucketLessThan(query, selected, K, exact)))
				.containsExactlyElementsOf(this.fixture.bruteForce(query, (doc) -> doc.getBucket() < selected, K));
		}
		assertThat(this.fixture.strategies.take()).containsExactly("exact", "exact");
	}

	@Test
	void indexOverrideFiltersAfterTheIndexAsConfigured() {
		// what AUTO prevents: without an iterative scan the index's 40 candidates hold none of the far 50 % of rows
		SearchOptions index = SearchOptions.builder().filterStrategy(FilterStrategy.INDEX).build();
		float[] query = this.fixture.query();
		assertThat(this.fixture.docs.findNearestByBucketLessThan(query, 2000, K, index)).hasSizeLessThan(K);
		assertThat(this.fixture.strategies.take()).containsExactly("index");
	}

	@Test
	void indexBranchReturningTooFewRowsIsWidenedToAnExactScan() {
		// iterative scan off (the caller's choice is kept): the index branch at 50 % finds too few rows
		SearchOptions off = SearchOptions.builder().iterativeScan(IterativeScan.OFF).build();
		float[] query = this.fixture.query();
		assertThat(ids(this.fixture.docs.findNearestByBucketLessThan(query, 2000, K, off)))
			.containsExactlyElementsOf(this.fixture.bruteForce(query, (doc) -> doc.getBucket() < 2000, K));
		assertThat(this.fixture.strategies.take()).containsExactly("auto-index-then-exact");
	}

	@Test
	void searchDefaultsChooseTheStrategy() {
		FilteredDocRepository exactByDefault = this.fixture
			.repository(SearchOptions.builder().filterStrategy(FilterStrategy.EXACT).build());
		float[] query = this.fixture.query();
		assertThat(ids(exactByDefault.findNearestByBucketLessThan(query, 2000, K)))
			.containsExactlyElementsOf(this.fixture.bruteForce(query, (doc) -> doc.getBucket() < 2000, K));
		SearchOptions auto = SearchOptions.builder().filterStrategy(FilterStrategy.AUTO).build();
		exactByDefault.findNearestByBucketLessThan(query, 40, K, auto);
		assertThat(this.fixture.strategies.take()).containsExactly("exact", "auto-exact");
	}

	@Test
	void aFiltersCountIsRememberedForTheNextCalls() {
		// a repository of its own: a fresh executor, whose count cache is empty
		FilteredDocRepository docs = this.fixture.repository(SearchOptions.none());
		Logger logger = (Logger) LoggerFactory.getLogger(FilteredSearchStrategy.class);
		ListAppender<ILoggingEvent> decisions = new ListAppender<>();
		decisions.start();
		logger.addAppender(decisions);
		logger.setLevel(Level.DEBUG);
		try {
			for (int selected : new int[] { 40, 2000 }) {
				for (int call = 0; call < 3; call++) {
					float[] query = this.fixture.query();
					assertThat(ids(docs.findNearestByBucketLessThan(query, selected, K)))
						.containsExactlyElementsOf(this.fixture.bruteForce(query, (doc) -> doc.getBucket() < selected, K));
				}
			}
		}
		finally {
			logger.detachAppender(decisions);
			logger.setLevel(null);
		}
		assertThat(this.fixture.strategies.take()).containsExactly("auto-exact", "auto-exact", "auto-exact",
				"auto-index", "auto-index", "auto-index");
		assertThat(decisions.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("FilteredDoc: exact scan: the filter matches 40 rows, below 2000",
					"FilteredDoc: exact scan: the filter matched fewer than 2000 rows a moment ago (not counted again)",
					"FilteredDoc: exact scan: the filter matched fewer than 2000 rows a moment ago (not counted again)",
					"FilteredDoc: index with an iterative scan: the filter matches at least 2000 rows",
					"FilteredDoc: index with an iterative scan: the filter matched at least 2000 rows a moment ago "
							+ "(not counted again)",
					"FilteredDoc: index with an iterative scan: the filter matched at least 2000 rows a moment ago "
							+ "(not counted again)");
	}

	@Test
	void similarityThresholdsAreNotWidened() {
		float[] query = this.fixture.query();
		List<Nearest<FilteredDoc>> found = this.fixture.docs.findNearestByBucketLessThan(query, 40, Score.of(0.99),
				K);
		List<java.util.UUID> expected = this.fixture.bruteForce(query, (doc) -> doc.getBucket() < 40
				&& 1 - FilteredSearchFixture.cosineDistance(doc.getEmbedding(), query) >= 0.99, K);
		assertThat(ids(found)).containsExactlyElementsOf(expected);
		assertThat(this.fixture.strategies.take()).containsExactly("auto-exact");
	}

	private void check(int selected, String domain, Function<float[], List<Nearest<FilteredDoc>>> search,
			Predicate<FilteredDoc> filter) {
		double recall = 0;
		for (int q = 0; q < QUERIES; q++) {
			float[] query = this.fixture.query();
			List<Nearest<FilteredDoc>> found = this.fixture.in(domain, () -> search.apply(query));
			assertThat(found).isSortedAccordingTo(Comparator.comparingDouble(Nearest::distance));
			assertThat(found).allSatisfy((nearest) -> assertThat(filter.test(nearest.entity())).isTrue());
			recall += FilteredSearchFixture.recall(found, this.fixture.bruteForce(query, filter, K));
		}
		List<String> strategies = this.fixture.strategies.take();
		String where = selected + " of " + ROWS + " rows" + ((domain != null) ? " in domain " + domain : "");
		assertThat(recall / QUERIES).as("recall@%d at %s (%s)", K, where, strategies).isGreaterThanOrEqualTo(0.95);
		if (selected < 2000) {
			assertThat(strategies).as(where).containsOnly("auto-exact");
		}
		else {
			assertThat(strategies).as(where).contains("auto-index");
			assertThat(strategies).as(where).isSubsetOf("auto-index", "auto-index-then-exact");
		}
	}

	private static List<java.util.UUID> ids(List<Nearest<FilteredDoc>> found) {
		List<java.util.UUID> ids = new ArrayList<>();
		found.forEach((nearest) -> ids.add(nearest.entity().getId()));
		return ids;
	}

}
