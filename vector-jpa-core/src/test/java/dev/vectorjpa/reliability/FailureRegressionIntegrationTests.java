package dev.vectorjpa.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.store.Match;
import dev.vectorjpa.store.PgVectorStore;
import dev.vectorjpa.store.VectorStoreSettings;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.UnexpectedRollbackException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Regression tests for the defects of issue 17, on a pool of one connection: a failed call writes nothing even when
 * the caller catches its exception and commits; post-commit index work takes no second connection and never fails a
 * committed call; huge {@code k}; half precision and sparse finiteness checked before SQL.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailureRegressionIntegrationTests {

	ReliabilityFixture fixture;

	final Random random = new Random(17);

	@BeforeAll
	void start(TestSchema schema) {
		this.fixture = new ReliabilityFixture(schema, 1);
	}

	@AfterAll
	void stop() {
		this.fixture.close();
	}

	@Test
	void bulkInsertWithSequenceIdsFailingAtRow6000CommitsNothingWhenTheCallerCatchesAndCommits(TestSchema schema) {
		List<RelSeqDoc> docs = new ArrayList<>();
		for (int i = 0; i < 7_000; i++) {
			docs.add(new RelSeqDoc(new float[] { 1, i, 2 }));
		}
		docs.get(6_000).embedding[1] = Float.NaN;
		List<RuntimeException> caught = new ArrayList<>();
		assertThatExceptionOfType(UnexpectedRollbackException.class)
			.isThrownBy(() -> this.fixture.transactions.executeWithoutResult((status) -> {
				try {
					this.fixture.seqDocs.bulkInsert(docs);
				}
				catch (RuntimeException ex) {
					caught.add(ex);
				}
			}));
		assertThat(caught).singleElement()
			.isInstanceOf(InvalidDataAccessApiUsageException.class)
			.extracting(Throwable::getMessage)
			.isEqualTo("RelSeqDoc.embedding: expected finite components, got NaN at index 1");
		assertThat(schema.query("SELECT count(*) FROM rel_seq_docs")).containsExactly(List.of(0L));
		// and without a caller's transaction the call's own transaction rolls every chunk back
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.fixture.seqDocs.bulkInsert(docs));
		assertThat(schema.query("SELECT count(*) FROM rel_seq_docs")).containsExactly(List.of(0L));
	}

	@Test
	void storeAddWithAnIdOfAnotherDomainCommitsNothingWhenTheCallerCatchesAndCommits(TestSchema schema) {
		PgVectorStore acme = this.fixture.store(this.fixture.storeSettings("rel_store_domains")
			.domain("acme").build());
		PgVectorStore globex = this.fixture.store(this.fixture.storeSettings("rel_store_domains")
			.domain("globex").build());
		UUID taken = UUID.randomUUID();
		globex.add(List.of(vector()), List.of(taken), null);
		List<RuntimeException> caught = new ArrayList<>();
		assertThatExceptionOfType(UnexpectedRollbackException.class)
			.isThrownBy(() -> this.fixture.transactions.executeWithoutResult((status) -> {
				try {
					acme.add(List.of(vector(), vector(), vector()), List.of(UUID.randomUUID(), taken, UUID.randomUUID()),
							null);
				}
				catch (RuntimeException ex) {
					caught.add(ex);
				}
			}));
		assertThat(caught).singleElement().isInstanceOf(DataIntegrityViolationException.class);
		assertThat(schema.query("SELECT domain_id, count(*) FROM rel_store_domains GROUP BY domain_id"))
			.containsExactly(List.of("globex", 1L));
	}

	@Test
	void bulkInsertWithAnHnswIndexNeedsNoSecondConnectionInOrOutOfATransaction() {
		// pool of one, 3 s connection timeout: a hidden second connection would fail these calls
		assertThat(this.fixture.as("acme", () -> this.fixture.docs.bulkInsert(ReliabilityFixture.docs(this.random, 5,
				"news")))).isEqualTo(5);
		assertThat(this.fixture.inTransaction("acme", () -> this.fixture.docs.bulkInsert(ReliabilityFixture.docs(
				this.random, 5, "news")))).isEqualTo(5);
		assertThat(this.fixture.as("acme", () -> this.fixture.docs.count())).isGreaterThanOrEqualTo(10);
	}

	@Test
	void ivfflatThresholdCheckRunsAfterTheCallersCommitWithoutASecondConnection() throws Exception {
		List<RelIvfDoc> docs = new ArrayList<>();
		for (int i = 0; i < ReliabilityFixture.MIN_ROWS + 10; i++) {
			docs.add(new RelIvfDoc(i, ReliabilityFixture.vector(this.random, 3)));
		}
		assertThat(this.fixture.inTransaction(null, () -> this.fixture.ivfDocs.bulkInsert(docs)))
			.isEqualTo(docs.size());
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.fixture.indexManager.indexes(RelIvfDoc.class).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(this.fixture.indexManager.indexes(RelIvfDoc.class)).singleElement()
			.satisfies((index) -> assertThat(index.type()).isEqualTo(IndexType.IVFFLAT));
	}

	@Test
	void twoWritersOnAPoolOfTwoNeverFail(TestSchema schema) throws Exception {
		try (ReliabilityFixture two = new ReliabilityFixture(schema, 2, "none")) {
			ExecutorService writers = Executors.newFixedThreadPool(2);
			try {
				List<Future<Integer>> results = new ArrayList<>();
				for (int w = 0; w < 2; w++) {
					results.add(writers.submit(() -> {
						int written = 0;
						Random random = new Random();
						for (int i = 0; i < 10; i++) {
							written += two.as("writers", () -> two.docs.bulkInsert(ReliabilityFixture.docs(random, 3,
									"tech")));
						}
						return written;
					}));
				}
				for (Future<Integer> result : results) {
					assertThat(result.get()).isEqualTo(30);
				}
			}
			finally {
				writers.shutdownNow();
			}
		}
	}

	@Test
	void hugeKReturnsEveryRowWithoutPresizing() {
		PgVectorStore store = this.fixture.store(this.fixture.storeSettings("rel_store_huge_k").build());
		store.add(List.of(vector(), vector(), vector()), null, null);
		assertThat(store.search(vector(), Integer.MAX_VALUE)).hasSize(3);
		assertThat(store.search(vector(), 1_000_000_000)).hasSize(3);
		this.fixture.as("huge-k", () -> this.fixture.docs.bulkInsert(ReliabilityFixture.docs(this.random, 4, "tech")));
		List<Nearest<RelDoc>> all = this.fixture.as("huge-k",
				() -> this.fixture.docs.findNearest(vector(), Integer.MAX_VALUE));
		assertThat(all).hasSize(4);
		// findHybrid's candidate pool was 4 * k in int: negative above 536,870,911
		assertThat(this.fixture.as("huge-k", () -> this.fixture.docs.findHybrid(vector(), "tech", 600_000_000)))
			.hasSize(4);
		assertThat(this.fixture.as("huge-k", () -> this.fixture.docs.findHybrid(vector(), "tech", Integer.MAX_VALUE)))
			.hasSize(4);
	}

	@Test
	void halfPrecisionOverflowIsRejectedNamingTheAttributeBeforeSql(TestSchema schema) {
		RelMixedDoc doc = new RelMixedDoc(1, new float[] { 1, 70_000f, 0, 0 }, SparseVector.fromArray(new float[8]));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.fixture.mixedDocs.bulkInsert(List.of(doc)))
			.withMessage("RelMixedDoc.half: expected components within half precision (±65504), got 70000.0 at index 1");
		long before = this.fixture.sql.statements();
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.fixture.mixedDocs.findNearestBy(new float[] { 0, 0, -65520f, 0 }, 3))
			.withMessage("The query vector for half has a component outside half precision (±65504) at index 2: "
					+ "-65520.0");
		assertThat(this.fixture.sql.statements()).as("statements sent by the query").isEqualTo(before);
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.fixture.mixedDocs.saveAndFlush(doc))
			.withMessageContaining("RelMixedDoc.half: expected components within half precision");
		// the largest value that rounds to a finite half is stored
		RelMixedDoc edge = new RelMixedDoc(2, new float[] { 65519f, -65504f, 0, 0 }, SparseVector.fromArray(new float[8]));
		this.fixture.mixedDocs.saveAndFlush(edge);
		assertThat(schema.query("SELECT half::text FROM rel_mixed_docs WHERE id = 2"))
			.containsExactly(List.of("[65504,-65504,0,0]"));
		assertThat(schema.query("SELECT count(*) FROM rel_mixed_docs")).containsExactly(List.of(1L));
	}

	@Test
	void nonFiniteSparseQueryIsRejectedBeforeSql() {
		long before = this.fixture.sql.statements();
		for (float bad : new float[] { Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY }) {
			SparseVector query = SparseVector.of(8, Map.of(3, bad));
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> this.fixture.mixedDocs.findNearestBy(query, 3))
				.withMessage("The query vector for sparse has a non-finite component at index 3: " + bad);
		}
		assertThat(this.fixture.sql.statements()).isEqualTo(before);
	}

	private float[] vector() {
		return ReliabilityFixture.vector(this.random, 4);
	}

}
