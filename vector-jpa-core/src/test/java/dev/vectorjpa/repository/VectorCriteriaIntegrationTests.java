package dev.vectorjpa.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

import com.pgvector.PGvector;
import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.Metric;
import dev.vectorjpa.criteria.VectorCriteria;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.repository.query.NearestSpecificationQuery;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link VectorCriteria} in plain Criteria queries: every metric and vector type ordered as brute force, distance and
 * similarity bounds, the SQL an HNSW index serves (EXPLAIN), and bad input rejected before any SQL.
 */
@DatabaseTest
class VectorCriteriaIntegrationTests extends RepositoryTestSupport {

	private static final int K = 10;

	private final RecordingStatements statements = new RecordingStatements();

	@Test
	void nearestFirstOrdersDenseAttributesAsBruteForce() {
		float[] query = query(41);
		for (String attribute : List.of("cosine", "euclidean", "innerProduct", "taxicab", "half")) {
			Metric metric = metadata(MultiMetricItem.class).vectorAttribute(attribute).metric();
			// every attribute holds the same vector (exact in half precision)
			assertNearest(MultiMetricItem.class, attribute, query, this.itemData, (item) -> item.id,
					(item) -> TestVectors.distance(metric, item.cosine, query));
		}
	}

	@Test
	void nearestFirstOrdersSparseAndBitAttributesAsBruteForce() {
		float[] dense = sparse(new Random(42));
		assertNearest(SparseBitItem.class, "terms", SparseVector.fromArray(dense), this.sparseBitData,
				(item) -> item.id, (item) -> TestVectors.distance(Metric.INNER_PRODUCT, item.terms.toArray(), dense));
		// a float[] query for a sparsevec attribute is converted, as the repository searches do
		assertNearest(SparseBitItem.class, "terms", dense, this.sparseBitData, (item) -> item.id,
				(item) -> TestVectors.distance(Metric.INNER_PRODUCT, item.terms.toArray(), dense));
		BitVector bits = bits(new Random(43));
		assertNearest(SparseBitItem.class, "hamming", bits, this.sparseBitData, (item) -> item.id,
				(item) -> TestVectors.hamming(item.hamming, bits));
		assertNearest(SparseBitItem.class, "jaccard", bits, this.sparseBitData, (item) -> item.id,
				(item) -> TestVectors.jaccard(item.jaccard, bits));
	}

	@Test
	void explicitMetricRendersItsOperator() {
		float[] query = query(44);
		List<Object[]> rows = inSession((session) -> {
			CriteriaBuilder builder = session.getCriteriaBuilder();
			CriteriaQuery<Object[]> criteria = builder.createQuery(Object[].class);
			Root<MultiMetricItem> root = criteria.from(MultiMetricItem.class);
			criteria.multiselect(root.get("id"), VectorCriteria.distance(builder, root.get("cosine"), query, Metric.L1))
				.orderBy(builder.asc(root.get("id")));
			return session.createQuery(criteria).getResultList();
		});
		assertThat(this.statements.last()).contains("<+>");
		for (Object[] row : rows) {
			MultiMetricItem item = this.itemData.get((int) (long) (Long) row[0] - 1);
			assertThat((Double) row[1]).isCloseTo(TestVectors.distance(Metric.L1, item.cosine, query),
					org.assertj.core.api.Assertions.within(1e-4));
		}
	}

	@Test
	void distanceBelowAndSimilarityAtLeastMatchBruteForce() {
		float[] query = query(45);
		long below = countWhere((builder, root) -> VectorCriteria.distanceBelow(builder, root.get("euclidean"), query,
				3.0));
		assertThat(below).isPositive()
			.isEqualTo(this.itemData.stream()
				.filter((item) -> TestVectors.distance(Metric.EUCLIDEAN, item.euclidean, query) < 3.0)
				.count());
		// cosine similarity 1 - d >= 0.2
		long similar = countWhere((builder, root) -> VectorCriteria.similarityAtLeast(builder, root.get("cosine"),
				query, 0.2));
		assertThat(similar).isPositive()
			.isEqualTo(this.itemData.stream()
				.filter((item) -> 1 - TestVectors.distance(Metric.COSINE, item.cosine, query) >= 0.2)
				.count());
		assertThat(this.statements.last()).contains("<=>cast(? as vector)");
	}

	@Test
	void hnswIndexServesCriteriaOrderForEveryMetric(TestSchema schema) throws Exception {
		float[] dense = query(46);
		SparseVector sparse = SparseVector.fromArray(sparse(new Random(47)));
		BitVector bits = bits(new Random(48));
		IndexPlans plans = new IndexPlans(schema, this.entityManagerFactory);
		for (String attribute : List.of("cosine", "euclidean", "innerProduct", "taxicab", "half")) {
			assertServed(plans, MultiMetricItem.class, attribute, dense, "'" + new PGvector(dense).getValue() + "'");
		}
		assertServed(plans, SparseBitItem.class, "terms", sparse, "'" + sparse.toSqlLiteral() + "'");
		assertServed(plans, SparseBitItem.class, "hamming", bits, "'" + bits.toPGbit().getValue() + "'");
		assertServed(plans, SparseBitItem.class, "jaccard", bits, "'" + bits.toPGbit().getValue() + "'");
	}

	// ORDER BY the distance (repeated, or by its select-list position) LIMIT k: served by the index; exact is not
	private void assertServed(IndexPlans plans, Class<?> entity, String attribute, Object query, String literal)
			throws Exception {
		plans.withIndex(entity, attribute, (index) -> {
			String orderOnly = orderOnlySql(entity, attribute, query);
			VectorAttribute vector = metadata(entity).vectorAttribute(attribute);
			// the repository's form: column, the metric's operator, the query vector cast to the column type
			assertThat(orderOnly).as(attribute).containsPattern("order by \\(\\w+\\." + Pattern.quote(vector.column()
					+ vector.metric().operator() + "cast(? as ") + "\\w+\\)\\)");
			assertThat(plans.plan(orderOnly, literal)).as(attribute).contains("Index Scan using " + index);
			assertThat(plans.plan(specificationSql(entity, attribute, query, false), literal)).as(attribute)
				.contains("Index Scan using " + index);
			assertThat(plans.plan(specificationSql(entity, attribute, query, true), literal)).as(attribute)
				.doesNotContain(index);
		});
	}

	@Test
	void badInputIsRejectedBeforeAnySql() {
		float[] query = query(49);
		inSession((session) -> {
			CriteriaBuilder builder = session.getCriteriaBuilder();
			Root<MultiMetricItem> root = builder.createQuery(MultiMetricItem.class).from(MultiMetricItem.class);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> VectorCriteria.distance(builder, root.get("category"), query))
				.withMessage("MultiMetricItem has no @VectorColumn attribute 'category' (it has cosine, euclidean, "
						+ "half, innerProduct, taxicab)");
			assertThatExceptionOfType(InvalidVectorException.class)
				.isThrownBy(() -> VectorCriteria.distance(builder, root.get("cosine"), new float[3]))
				.withMessage("The query vector has 3 dimensions but cosine is vector(16)");
			assertThatExceptionOfType(InvalidVectorException.class)
				.isThrownBy(() -> VectorCriteria.distance(builder, root.get("cosine"), BitVector.of("1011")))
				.withMessage("The query vector for cosine (vector(16)) cannot be a BitVector");
			assertThatExceptionOfType(InvalidVectorException.class)
				.isThrownBy(() -> VectorCriteria.nearestFirst(builder, root.get("cosine"), null))
				.withMessage("The query vector for cosine must not be null");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> VectorCriteria.distance(builder, root.get("cosine"), query, Metric.HAMMING))
				.withMessage("Metric HAMMING is not defined for cosine (vector(16))");
			return null;
		});
		assertThat(this.statements.all()).isEmpty();
	}

	private String orderOnlySql(Class<?> entity, String attribute, Object query) {
		inSession((session) -> {
			CriteriaBuilder builder = session.getCriteriaBuilder();
			CriteriaQuery<Object> criteria = builder.createQuery(Object.class);
			Root<?> root = criteria.from(entity);
			criteria.select(root).orderBy(VectorCriteria.nearestFirst(builder, root.get(attribute), query));
			return session.createQuery(criteria).setMaxResults(5).getResultList();
		});
		return this.statements.last();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private String specificationSql(Class<?> entity, String attribute, Object query, boolean exact) {
		VectorAttribute vector = metadata(entity).vectorAttribute(attribute);
		NearestSpecificationQuery search = new NearestSpecificationQuery(entity, vector);
		inSession((session) -> search.execute(session, (root, criteria, builder) -> null, query, 5, exact));
		return this.statements.last();
	}

	private <T> void assertNearest(Class<T> entity, String attribute, Object query, List<T> items,
			Function<T, Object> id, ToDoubleFunction<T> distance) {
		List<Nearest<T>> actual = new ArrayList<>();
		List<Object[]> rows = inSession((session) -> {
			CriteriaBuilder builder = session.getCriteriaBuilder();
			CriteriaQuery<Object[]> criteria = builder.createQuery(Object[].class);
			Root<T> root = criteria.from(entity);
			criteria.multiselect(root, VectorCriteria.distance(builder, root.get(attribute), query))
				.orderBy(VectorCriteria.nearestFirst(builder, root.get(attribute), query));
			return session.createQuery(criteria).setMaxResults(K).getResultList();
		});
		for (Object[] row : rows) {
			actual.add(new Nearest<>(entity.cast(row[0]), (Double) row[1], 0));
		}
		TestVectors.assertNearest(actual, items, id, (item) -> true, distance, K);
	}

	private long countWhere(
			java.util.function.BiFunction<CriteriaBuilder, Root<MultiMetricItem>, jakarta.persistence.criteria.Predicate> where) {
		return inSession((session) -> {
			CriteriaBuilder builder = session.getCriteriaBuilder();
			CriteriaQuery<Long> criteria = builder.createQuery(Long.class);
			Root<MultiMetricItem> root = criteria.from(MultiMetricItem.class);
			criteria.select(builder.count(root)).where(where.apply(builder, root));
			return session.createQuery(criteria).getSingleResult();
		});
	}

	private <R> R inSession(Function<Session, R> work) {
		this.statements.clear();
		try (Session session = this.entityManagerFactory.unwrap(SessionFactory.class)
			.withOptions()
			.statementInspector(this.statements)
			.openSession()) {
			return work.apply(session);
		}
	}

	private VectorEntityMetadata metadata(Class<?> entity) {
		return VectorEntityMetadata.of(this.entityManagerFactory, entity);
	}

}
