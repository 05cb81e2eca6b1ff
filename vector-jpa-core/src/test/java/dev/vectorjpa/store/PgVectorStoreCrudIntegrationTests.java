package dev.vectorjpa.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The reference backend's basic CRUD example, plus the store's input checks and transaction behaviour.
 */
@DatabaseTest
class PgVectorStoreCrudIntegrationTests {

	private static final int DIMS = 8;

	@Test
	void addGetUpdateDeleteCountAndClear(TestSchema schema) {
		VectorStore store = new PgVectorStore(schema.dataSource(),
				StoreTestVectors.settings("crud", DIMS).idType(IdType.TEXT).build());
		List<float[]> vectors = StoreTestVectors.random(1, 10, DIMS);
		List<String> ids = new ArrayList<>();
		List<Map<String, Object>> metadata = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ids.add("doc_" + (i + 1));
			metadata.add(Map.of("source", "file.pdf", "category", (i < 4) ? "science" : "art"));
		}
		// tag::crud[]
		List<Object> stored = store.add(vectors, ids, metadata);

		List<StoredVector> found = store.get(List.of("doc_2", "missing", "doc_1"), true);

		int updated = store.updateMetadata(List.of("doc_1", "doc_2"),
				List.of(Map.of("source", "updated.pdf"), Map.of("source", "new.pdf")));

		long science = store.count(MetadataFilter.eq("category", "science"));
		int deleted = store.delete(List.of("doc_1", "doc_2", "missing"));
		long total = store.count();
		long cleared = store.clear();
		// end::crud[]

		assertThat(stored).containsExactlyElementsOf(ids);
		assertThat(found).extracting(StoredVector::id).containsExactly("doc_2", "doc_1");
		assertThat(found.get(0).vector()).containsExactly(vectors.get(1));
		assertThat(found.get(1).vector()).containsExactly(vectors.get(0));
		assertThat(found.get(0).metadata()).isEqualTo(metadata.get(1));
		assertThat(updated).isEqualTo(2);
		assertThat(science).isEqualTo(2);
		assertThat(deleted).isEqualTo(2);
		assertThat(total).isEqualTo(8);
		assertThat(cleared).isEqualTo(8);
		assertThat(store.count()).isZero();
	}

	@Test
	void getWithoutMetadataLeavesItNullAndUpdateReplacesIt(TestSchema schema) {
		VectorStore store = new PgVectorStore(schema.dataSource(), StoreTestVectors.settings("meta", DIMS).build());
		List<Object> ids = store.add(StoreTestVectors.random(2, 2, DIMS), null,
				List.of(Map.of("a", 1, "b", 2), Map.of("a", 3)));
		assertThat(store.get(ids, false)).allSatisfy((vector) -> assertThat(vector.metadata()).isNull());
		assertThat(store.updateMetadata(List.of(ids.get(0).toString()), List.of(Map.of("c", true)))).isEqualTo(1);
		assertThat(store.get(List.of(ids.get(0)), true).get(0).metadata()).containsExactly(Map.entry("c", true));
		assertThat(store.updateMetadata(List.of(UUID.randomUUID()), List.of(Map.of()))).isZero();
	}

	@Test
	void addingAnExistingIdReplacesTheRow(TestSchema schema) {
		VectorStore store = new PgVectorStore(schema.dataSource(),
				StoreTestVectors.settings("upsert", DIMS).idType(IdType.TEXT).build());
		List<float[]> first = StoreTestVectors.random(3, 2, DIMS);
		List<float[]> second = StoreTestVectors.random(4, 2, DIMS);
		store.add(first, List.of("a", "b"), List.of(Map.of("v", 1), Map.of("v", 1)));
		store.add(second.subList(0, 1), List.of("a"), List.of(Map.of("v", 2)));
		assertThat(store.count()).isEqualTo(2);
		StoredVector a = store.get(List.of("a"), true).get(0);
		assertThat(a.vector()).containsExactly(second.get(0));
		assertThat(a.metadata()).containsExactly(Map.entry("v", 2));
	}

	@Test
	void manyVectorsAreCopiedInBinaryAndUpserted(TestSchema schema) {
		VectorStore store = new PgVectorStore(schema.dataSource(),
				StoreTestVectors.settings("copied", DIMS).copyThreshold(10).build());
		List<float[]> vectors = StoreTestVectors.random(5, 500, DIMS);
		List<Object> ids = store.add(vectors, null, null);
		assertThat(store.count()).isEqualTo(500);
		List<StoredVector> back = store.get(ids, true);
		for (int i = 0; i < 500; i++) {
			assertThat(back.get(i).id()).isEqualTo(ids.get(i));
			assertThat(back.get(i).vector()).containsExactly(vectors.get(i));
			assertThat(back.get(i).metadata()).isEmpty();
		}
		List<float[]> replaced = StoreTestVectors.random(6, 20, DIMS);
		store.add(replaced, ids.subList(0, 20), null);
		assertThat(store.count()).isEqualTo(500);
		assertThat(store.get(List.of(ids.get(19)), false).get(0).vector()).containsExactly(replaced.get(19));
	}

	@Test
	void documentsCarryContentDocumentIdAndChunkIndex(TestSchema schema) {
		VectorStore store = new PgVectorStore(schema.dataSource(), StoreTestVectors.settings("docs", 3).build());
		// tag::documents[]
		List<Object> ids = store.add(List.of(
				VectorDocument.of(new float[] { 1, 0, 0 }, "The first chunk").withChunk("manual.pdf", 0),
				VectorDocument.of(new float[] { 0, 1, 0 }, "The second chunk")
					.withChunk("manual.pdf", 1)
					.withMetadata(Map.of("page", 2))));
		List<Match> matches = store.search(new float[] { 0, 1, 0.1f }, 1);
		// end::documents[]
		assertThat(matches).singleElement().satisfies((match) -> {
			assertThat(match.id()).isEqualTo(ids.get(1));
			assertThat(match.content()).isEqualTo("The second chunk");
			assertThat(match.metadata()).containsExactly(Map.entry("page", 2));
		});
		assertThat(schema.query("SELECT document_id, chunk_index, created_at IS NOT NULL FROM docs ORDER BY chunk_index"))
			.containsExactly(List.of("manual.pdf", 0, true), List.of("manual.pdf", 1, true));
	}

	@Test
	void badInputIsRejectedBeforeAnySqlAndNothingIsWritten(TestSchema schema) {
		VectorStore store = new PgVectorStore(schema.dataSource(), StoreTestVectors.settings("checked", DIMS).build());
		List<float[]> vectors = StoreTestVectors.random(8, 4, DIMS);
		vectors.set(3, new float[5]);
		assertThatExceptionOfType(InvalidVectorException.class).isThrownBy(() -> store.add(vectors, null, null))
			.withMessage("vector 3: expected 8 dimensions, got 5");
		float[] nan = new float[DIMS];
		nan[2] = Float.NaN;
		assertThatExceptionOfType(InvalidVectorException.class)
			.isThrownBy(() -> store.add(List.of(nan), null, null))
			.withMessage("vector 0: component 2 is NaN (NaN and infinite values cannot be stored)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store.add(vectors.subList(0, 2), List.of(UUID.randomUUID()), null))
			.withMessage("ids has 1 elements but there are 2 vectors");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store.add(vectors.subList(0, 2), List.of(UUID.randomUUID(), "doc_1"), null))
			.withMessage("id 1: 'doc_1' is not a UUID (the store's id type is uuid; configure id-type text for other ids)");
		UUID twice = UUID.randomUUID();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store.add(vectors.subList(0, 2), List.of(twice, twice.toString()), null))
			.withMessage("id '" + twice + "' appears twice, at positions 0 and 1");
		assertThatExceptionOfType(InvalidVectorException.class).isThrownBy(() -> store.search(new float[3], 5))
			.withMessage("vector 0: expected 8 dimensions, got 3");
		assertThatIllegalArgumentException().isThrownBy(() -> store.get(List.of("nope"), true))
			.withMessageStartingWith("id 0: 'nope' is not a UUID");
		// Nothing ran: not even the table was created.
		assertThat(StoreTestVectors.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema.name()
				+ "' AND tablename = 'checked'")).isZero();
	}

	@Test
	void tableCreatedOnAFirstCallInsideARolledBackTransactionStays(TestSchema schema) {
		javax.sql.DataSource dataSource = schema.dataSource();
		VectorStore store = new PgVectorStore(dataSource, StoreTestVectors.settings("first_call", DIMS).build());
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transaction.executeWithoutResult((status) -> {
			store.add(StoreTestVectors.random(10, 2, DIMS), null, null);
			status.setRollbackOnly();
		});
		assertThat(store.count()).isZero();
		assertThat(store.add(StoreTestVectors.random(10, 2, DIMS), null, null)).hasSize(2);
	}

	@Test
	void joinsTheSpringTransactionAndRollsBackWithIt(TestSchema schema) {
		javax.sql.DataSource dataSource = schema.dataSource();
		VectorStore store = new PgVectorStore(dataSource, StoreTestVectors.settings("transactional", DIMS).build());
		store.count();
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transaction.executeWithoutResult((status) -> {
			store.add(StoreTestVectors.random(9, 3, DIMS), null, null);
			assertThat(store.count()).isEqualTo(3);
			status.setRollbackOnly();
		});
		assertThat(store.count()).isZero();
	}

}
