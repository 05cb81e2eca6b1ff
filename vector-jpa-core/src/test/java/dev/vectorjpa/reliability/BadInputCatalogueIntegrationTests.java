package dev.vectorjpa.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.repository.HybridOptions;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.store.PgVectorStore;
import dev.vectorjpa.store.StoreColumn;
import dev.vectorjpa.store.VectorStoreSettings;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The bad-input catalogue: each case is a call with one bad argument, property or attribute value, and must fail with
 * the expected exception type and a message naming what is wrong; where the problem is knowable before SQL, no
 * statement reaches the connection; in every case the tables are unchanged. Runs on a pool of one connection.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueIntegrationTests {

	private static final Class<InvalidDataAccessApiUsageException> REPOSITORY = InvalidDataAccessApiUsageException.class;

	// the repositories name k in the user's words
	private static final String K = "number of nearest neighbours";

	private static final Class<IllegalArgumentException> ARGUMENT = IllegalArgumentException.class;

	static ReliabilityFixture fixture;

	static PgVectorStore store;

	static TestSchema schema;

	@BeforeAll
	void start(TestSchema testSchema) {
		schema = testSchema;
		fixture = new ReliabilityFixture(testSchema, 1);
		store = fixture.store(fixture.storeSettings("rel_catalogue_store").domain("acme").build());
		store.add(List.of(new float[] { 1, 0, 0, 0 }), null, null);
		fixture.as("acme", () -> fixture.docs.bulkInsert(
				List.of(new RelDoc(UUID.randomUUID(), "news", new float[] { 0, 1, 0, 0 }))));
		fixture.mixedDocs.saveAndFlush(new RelMixedDoc(1, new float[] { 1, 2, 3, 4 }, SparseVector.fromArray(new float[8])));
	}

	@AfterAll
	void stop() {
		fixture.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalogue")
	void badInputFailsClearlyAndChangesNothing(String name, Call call, Class<? extends Throwable> type, String names,
			boolean beforeSql) {
		List<List<Object>> before = tables();
		long statements = fixture.sql.statements();
		fixture.domains.set("acme");
		Throwable thrown;
		try {
			thrown = catchThrowable(call::run);
		}
		finally {
			fixture.domains.set(null);
		}
		assertThat(thrown).as(name).isInstanceOf(type);
		assertThat(thrown.getMessage()).as(name).contains(names);
		if (beforeSql) {
			assertThat(fixture.sql.statements()).as("statements sent by " + name).isEqualTo(statements);
		}
		assertThat(tables()).as("tables after " + name).isEqualTo(before);
	}

	static Stream<Arguments> catalogue() {
		float[] good = { 0.5f, 0.5f, 0, 0 };
		List<Arguments> cases = new ArrayList<>(List.of(
				// repository: query vectors, k, options
				before("findNearest null vector", () -> fixture.docs.findNearest((float[]) null, 5), REPOSITORY, "embedding"),
				before("findNearest 3 of 4 dimensions", () -> fixture.docs.findNearest(new float[3], 5), REPOSITORY,
						"embedding is vector(4)"),
				before("findNearest NaN", () -> fixture.docs.findNearest(new float[] { Float.NaN, 0, 0, 0 }, 5),
						REPOSITORY, "embedding"),
				before("findNearest -Infinity", () -> fixture.docs
					.findNearest(new float[] { 0, Float.NEGATIVE_INFINITY, 0, 0 }, 5), REPOSITORY, "embedding"),
				before("findNearest k = 0", () -> fixture.docs.findNearest(good, 0), REPOSITORY, K),
				before("findNearest k = -1", () -> fixture.docs.findNearest(good, -1), REPOSITORY, K),
				before("findNearest null filter", () -> fixture.docs.findNearest(good, 5, (MetadataFilter) null),
						REPOSITORY, "ilter"),
				before("findNearest null options", () -> fixture.docs.findNearest(good, 5, (SearchOptions) null),
						REPOSITORY, "ptions"),
				before("derived k = 0", () -> fixture.docs.findNearestByCategory(good, "news", 0), REPOSITORY, K),
				before("derived 2 dimensions", () -> fixture.docs.findNearestByCategory(new float[2], "news", 3),
						REPOSITORY, "embedding"),
				before("findHybrid null text", () -> fixture.docs.findHybrid(good, null, 5), REPOSITORY, "text"),
				before("findHybrid k = 0", () -> fixture.docs.findHybrid(good, "news", 0), REPOSITORY, "k"),
				before("findHybrid NaN vector", () -> fixture.docs.findHybrid(new float[] { 0, 0, Float.NaN, 0 },
						"news", 5), REPOSITORY, "embedding"),
				before("count null filter", () -> fixture.docs.count((MetadataFilter) null), REPOSITORY, "ilter"),
				before("halfvec query overflow", () -> fixture.mixedDocs.findNearestBy(new float[] { 1e6f, 0, 0, 0 },
						3), REPOSITORY, "half"),
				before("sparse query NaN", () -> fixture.mixedDocs.findNearestBy(SparseVector.of(8, Map.of(1,
						Float.NaN)), 3), REPOSITORY, "sparse"),
				before("sparse query 9 dimensions", () -> fixture.mixedDocs.findNearestBy(SparseVector.of(9, Map.of(1,
						1f)), 3), REPOSITORY, "sparse"),
				// repository: entities written
				after("bulkInsert null", () -> fixture.docs.bulkInsert(null), REPOSITORY, "ntities"),
				after("bulkInsert NaN", () -> fixture.docs.bulkInsert(List.of(doc(new float[] { Float.NaN, 0, 0, 0 }))),
						REPOSITORY, "RelDoc.embedding"),
				after("bulkInsert 5 dimensions", () -> fixture.docs.bulkInsert(List.of(doc(new float[5]))), REPOSITORY,
						"RelDoc.embedding"),
				after("bulkInsert halfvec overflow", () -> fixture.mixedDocs.bulkInsert(List.of(new RelMixedDoc(9,
						new float[] { 0, 0, 0, 70_000f }, SparseVector.fromArray(new float[8])))), REPOSITORY,
						"RelMixedDoc.half"),
				after("bulkInsert second row bad", () -> fixture.docs.bulkInsert(List.of(doc(good), doc(new float[] {
						0, 0, 0, Float.POSITIVE_INFINITY }))), REPOSITORY, "RelDoc.embedding"),
				after("save NaN", () -> fixture.docs.saveAndFlush(doc(new float[] { Float.NaN, 0, 0, 0 })),
						RuntimeException.class, "RelDoc.embedding"),
				after("save 3 dimensions", () -> fixture.docs.saveAndFlush(doc(new float[3])), RuntimeException.class,
						"RelDoc.embedding"),
				after("save halfvec overflow", () -> fixture.mixedDocs.saveAndFlush(new RelMixedDoc(10,
						new float[] { 0, -70_000f, 0, 0 }, SparseVector.fromArray(new float[8]))), RuntimeException.class,
						"RelMixedDoc.half"),
				after("save sparse 10 dimensions", () -> fixture.mixedDocs.saveAndFlush(new RelMixedDoc(11,
						new float[4], SparseVector.fromArray(new float[10]))), RuntimeException.class,
						"RelMixedDoc.sparse"),
				// filters
				before("filter null key", () -> MetadataFilter.eq(null, 1), ARGUMENT, "key"),
				before("filter key with quote", () -> MetadataFilter.eq("a'b", 1), ARGUMENT, "a'b"),
				before("filter empty segment", () -> MetadataFilter.eq("a..b", 1), ARGUMENT, "a..b"),
				before("filter null value", () -> MetadataFilter.eq("color", null), ARGUMENT, "'color'"),
				before("filter gt NaN", () -> MetadataFilter.gt("price", Double.NaN), ARGUMENT, "'price'"),
				before("filter lt Infinity", () -> MetadataFilter.lt("price", Float.POSITIVE_INFINITY), ARGUMENT,
						"'price'"),
				before("filter gte list", () -> MetadataFilter.gte("price", List.of(1)), ARGUMENT, "'price'"),
				before("filter in empty", () -> MetadataFilter.in("tag", List.of()), ARGUMENT, "'tag'"),
				before("filter and()", () -> MetadataFilter.and(), ARGUMENT, "and"),
				before("filter not(null)", () -> MetadataFilter.not(null), ARGUMENT, "not"),
				// store
				before("store add null vectors", () -> store.add(null, null, null), ARGUMENT, "vectors"),
				before("store add ids size", () -> store.add(List.of(good), List.of("a", "b"), null), ARGUMENT, "ids"),
				before("store add metadata size", () -> store.add(List.of(good), null, List.of(Map.of(), Map.of())),
						ARGUMENT, "metadata"),
				before("store add 3 dimensions", () -> store.add(List.of(new float[3]), null, null), ARGUMENT,
						"vector 0"),
				before("store add NaN second", () -> store.add(List.of(good, new float[] { 0, Float.NaN, 0, 0 }), null,
						null), ARGUMENT, "vector 1"),
				before("store add id not a UUID", () -> store.add(List.of(good), List.of("not-a-uuid"), null), ARGUMENT,
						"not-a-uuid"),
				before("store add same id twice", () -> {
					UUID id = UUID.randomUUID();
					store.add(List.of(good, good), List.of(id, id), null);
				}, ARGUMENT, "appears twice"),
				before("store search k = 0", () -> store.search(good, 0), ARGUMENT, "k"),
				before("store search null", () -> store.search(null, 3), ARGUMENT, "vector"),
				before("store search Infinity", () -> store.search(new float[] { Float.POSITIVE_INFINITY, 0, 0, 0 }, 3),
						ARGUMENT, "component 0"),
				before("store updateMetadata sizes", () -> store.updateMetadata(List.of(UUID.randomUUID()), List.of()),
						ARGUMENT, "metadata"),
				before("store delete null", () -> store.delete(null), ARGUMENT, "ids"),
				before("store get null", () -> store.get(null, true), ARGUMENT, "ids"),
				before("store createIndex NONE", () -> store.createIndex(IndexType.NONE, IndexParams.defaults()),
						ARGUMENT, "createIndex"),
				// properties and settings
				before("store dimensions 0", () -> VectorStoreSettings.builder(0).build(), ARGUMENT, "imensions"),
				before("store table injection", () -> VectorStoreSettings.builder(4).table("t; DROP TABLE x").build(),
						ARGUMENT, "vector-jpa.store.table"),
				before("store schema 64 bytes", () -> VectorStoreSettings.builder(4).schema("é".repeat(32)).build(),
						ARGUMENT, "vector-jpa.store.schema"),
				before("store column starts with digit", () -> VectorStoreSettings.builder(4)
					.column(StoreColumn.CONTENT, "1content").build(), ARGUMENT, "vector-jpa.store.columns.content"),
				before("store domain too long", () -> VectorStoreSettings.builder(4).domain("d".repeat(101)).build(),
						ARGUMENT, "domain"),
				before("store hnsw ef_construction", () -> VectorStoreSettings.builder(4).hnsw(16, 20), ARGUMENT,
						"ef_construction"),
				before("store ivfflat lists 0", () -> VectorStoreSettings.builder(4).ivfflatLists(0), ARGUMENT, "lists"),
				before("index params m = 1", () -> IndexParams.hnsw(1, 64), ARGUMENT, "m"),
				before("index min-rows negative", () -> VectorIndexSettings.builder().minRows(-1), ARGUMENT,
						"min-rows"),
				before("search ef_search 0", () -> SearchOptions.builder().efSearch(0), ARGUMENT, "ef"),
				before("search probes 0", () -> SearchOptions.builder().probes(0), ARGUMENT, "probes"),
				before("hybrid negative weight", () -> HybridOptions.builder().vectorWeight(-1), ARGUMENT, "eight"),
				before("hybrid text search config injection", () -> HybridOptions.builder()
					.textSearchConfig("english'); DROP TABLE rel_docs; --"), ARGUMENT, "english')")));
		return cases.stream();
	}

	private static RelDoc doc(float[] embedding) {
		return new RelDoc(UUID.randomUUID(), "news", embedding);
	}

	private static Arguments before(String name, Call call, Class<? extends Throwable> type, String names) {
		return Arguments.of(name, call, type, names, true);
	}

	// the problem shows once rows are streamed or an entity is merged: SQL may have started, nothing is kept
	private static Arguments after(String name, Call call, Class<? extends Throwable> type, String names) {
		return Arguments.of(name, call, type, names, false);
	}

	private static List<List<Object>> tables() {
		List<List<Object>> rows = new ArrayList<>();
		for (String table : Arrays.asList("rel_docs", "rel_seq_docs", "rel_mixed_docs", "rel_catalogue_store")) {
			rows.addAll(schema.query("SELECT '" + table + "', count(*), coalesce(sum(hashtext(t::text)), 0) FROM "
					+ table + " t"));
		}
		return rows;
	}

	/** A call of the catalogue. */
	@FunctionalInterface
	interface Call {

		void run() throws Exception;

	}

}
