package dev.vectorjpa.hibernate;

import java.util.Map;
import java.util.TreeMap;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.RollbackException;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Invalid vectors are rejected on persist, merge and flush with {@link InvalidVectorException}, before any SQL.
 */
@DatabaseTest
class VectorWriteChecksIntegrationTests {

	private static final RecordingStatementInspector inspector = new RecordingStatementInspector();

	private static SessionFactory sessionFactory;

	@BeforeAll
	static void start() {
		sessionFactory = HibernateTestSupport.sessionFactory(TestSchema.current(),
				Map.of("hibernate.session_factory.statement_inspector", inspector), CheckedVectors.class,
				Document.class);
	}

	@AfterAll
	static void stop() {
		sessionFactory.close();
	}

	@BeforeEach
	void clear() {
		sessionFactory.inTransaction((session) -> session.createMutationQuery("delete from CheckedVectors")
			.executeUpdate());
		inspector.statements.clear();
	}

	@Test
	void persistRejectsWrongDimensionCountBeforeSql() {
		assertRejected(new Document(1L, "short", new float[3]), "Document.embedding: expected 384 dimensions, got 3");
	}

	@Test
	void persistRejectsNaNAndInfinity() {
		float[] embedding = vector(384);
		embedding[5] = Float.NaN;
		assertRejected(new CheckedVectors(1L, embedding, vector(8)),
				"CheckedVectors.embedding: expected finite components, got NaN at index 5");
		float[] half = vector(8);
		half[7] = Float.NEGATIVE_INFINITY;
		assertRejected(new CheckedVectors(1L, vector(384), half),
				"CheckedVectors.half: expected finite components, got -Infinity at index 7");
	}

	@Test
	void persistRejectsNullWhereTheColumnIsNotNull() {
		assertRejected(new CheckedVectors(1L, null, vector(8)),
				"CheckedVectors.embedding: expected a vector(384) value (the column is NOT NULL), got null");
		assertRejected(new CheckedVectors(1L, vector(384), null),
				"CheckedVectors.half: expected a halfvec(8) value (the column is NOT NULL), got null");
	}

	@Test
	void persistRejectsSparseVectorOfOtherDimensionsOrInfiniteValue() {
		CheckedVectors entity = new CheckedVectors(1L, vector(384), vector(8));
		entity.sparse = SparseVector.of(100, new int[] { 3 }, new float[] { 1 });
		assertRejected(entity, "CheckedVectors.sparse: expected 10000 dimensions, got 100");
		entity.sparse = SparseVector.of(10_000, new int[] { 9_999 }, new float[] { Float.POSITIVE_INFINITY });
		assertRejected(entity, "CheckedVectors.sparse: expected finite components, got Infinity at index 9999");
	}

	@Test
	void persistRejectsMoreThan1000NonZerosOnlyWhenHnswIndexed() {
		TreeMap<Integer, Float> nonZero = new TreeMap<>();
		for (int i = 0; i < 1001; i++) {
			nonZero.put(i * 7, 1.0f);
		}
		CheckedVectors entity = new CheckedVectors(1L, vector(384), vector(8));
		entity.indexedSparse = SparseVector.of(10_000, nonZero);
		assertRejected(entity,
				"CheckedVectors.indexedSparse: expected at most 1000 non-zero elements (HNSW index), got 1001");
		entity.indexedSparse = null;
		entity.sparse = SparseVector.of(10_000, nonZero);
		sessionFactory.inTransaction((session) -> session.persist(entity));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void persistRejectsBitVectorOfOtherLength() {
		CheckedVectors entity = new CheckedVectors(1L, vector(384), vector(8));
		entity.bits = BitVector.of("10110");
		assertRejected(entity, "CheckedVectors.bits: expected 16 bits, got 5");
	}

	@Test
	void mergeRejectsDetachedEntityBeforeLoadingIt() {
		sessionFactory.inTransaction((session) -> session.persist(new CheckedVectors(1L, vector(384), vector(8))));
		inspector.statements.clear();
		CheckedVectors detached = new CheckedVectors(1L, vector(384), new float[9]);
		assertThatExceptionOfType(InvalidVectorException.class)
			.isThrownBy(() -> sessionFactory.inTransaction((session) -> session.merge(detached)))
			.withMessage("CheckedVectors.half: expected 8 dimensions, got 9");
		assertThat(inspector.statements).isEmpty();
	}

	@Test
	void flushRejectsManagedEntityModifiedToInvalidVector() {
		sessionFactory.inTransaction((session) -> session.persist(new CheckedVectors(1L, vector(384), vector(8))));
		assertThatExceptionOfType(InvalidVectorException.class)
			.isThrownBy(() -> sessionFactory.inTransaction((session) -> {
				CheckedVectors managed = session.find(CheckedVectors.class, 1L);
				managed.embedding = new float[384];
				managed.embedding[0] = Float.NaN;
				session.flush();
			}))
			.withMessage("CheckedVectors.embedding: expected finite components, got NaN at index 0");
		assertThat(inspector.statements).noneMatch((sql) -> sql.startsWith("update"));
		assertThatExceptionOfType(RollbackException.class)
			.isThrownBy(() -> sessionFactory.inTransaction((session) -> session.find(CheckedVectors.class, 1L).half[0] = Float.NaN))
			.havingCause()
			.isInstanceOf(InvalidVectorException.class)
			.withMessage("CheckedVectors.half: expected finite components, got NaN at index 0");
		float[] stored = sessionFactory.fromTransaction((session) -> session.find(CheckedVectors.class, 1L)).embedding;
		assertThat(stored).isEqualTo(vector(384));
	}

	@Test
	void validVectorsAreWritten() {
		CheckedVectors entity = new CheckedVectors(1L, vector(384), vector(8));
		entity.bits = BitVector.of("1011000011110000");
		entity.indexedSparse = SparseVector.of(10_000, Map.of(0, 1.0f, 9_999, -1.0f));
		sessionFactory.inTransaction((session) -> session.persist(entity));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void unchangedVectorsAreNotUpdated() {
		CheckedVectors entity = new CheckedVectors(1L, vector(384), vector(8));
		entity.bits = BitVector.of("1011000011110000");
		entity.sparse = SparseVector.of(10_000, Map.of(0, 1.0f, 9_999, -1.0f));
		sessionFactory.inTransaction((session) -> session.persist(entity));
		inspector.statements.clear();
		sessionFactory.inTransaction((session) -> session.find(CheckedVectors.class, 1L));
		assertThat(inspector.statements).hasSize(1).allMatch((sql) -> sql.startsWith("select"));
	}

	private static void assertRejected(Object entity, String message) {
		inspector.statements.clear();
		assertThatExceptionOfType(InvalidVectorException.class)
			.isThrownBy(() -> sessionFactory.inTransaction((session) -> session.persist(entity)))
			.withMessage(message);
		assertThat(inspector.statements).isEmpty();
		assertThat(count()).isZero();
	}

	private static long count() {
		return sessionFactory.fromTransaction((session) -> session
			.createSelectionQuery("select count(*) from CheckedVectors", Long.class)
			.getSingleResult());
	}

	private static float[] vector(int dimensions) {
		float[] vector = new float[dimensions];
		for (int i = 0; i < dimensions; i++) {
			vector[i] = (i % 7) * 0.25f - 0.5f;
		}
		return vector;
	}

}
