package dev.vectorjpa.hibernate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;

import dev.vectorjpa.Metric;
import dev.vectorjpa.criteria.VectorCriteria;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import org.hibernate.SessionFactory;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * HQL and Criteria distance functions render pgvector's operators for every metric and type, and order rows as the
 * distances computed in Java do.
 */
@DatabaseTest
class VectorFunctionsIntegrationTests {

	private static final int ROWS = 25;

	private static final RecordingStatementInspector inspector = new RecordingStatementInspector();

	private static final List<FunctionRow> rows = new ArrayList<>();

	private static SessionFactory sessionFactory;

	@BeforeAll
	static void start() {
		sessionFactory = HibernateTestSupport.sessionFactory(TestSchema.current(),
				Map.of("hibernate.session_factory.statement_inspector", inspector), FunctionRow.class);
		Random random = new Random(42);
		for (long id = 1; id <= ROWS; id++) {
			FunctionRow row = new FunctionRow();
			row.id = id;
			row.embedding = randomVector(random);
			row.half = randomVector(random);
			for (int i = 0; i < row.half.length; i++) {
				row.half[i] = HibernateTestSupport.toHalfPrecision(row.half[i]);
			}
			float[] dense = randomVector(random);
			dense[random.nextInt(8)] = 0;
			dense[random.nextInt(8)] = 0;
			row.sparse = SparseVector.fromArray(dense);
			boolean[] bits = new boolean[16];
			bits[0] = true;
			for (int i = 1; i < bits.length; i++) {
				bits[i] = random.nextBoolean();
			}
			row.bits = BitVector.of(bits);
			rows.add(row);
		}
		sessionFactory.inTransaction((session) -> rows.forEach(session::persist));
	}

	@AfterAll
	static void stop() {
		sessionFactory.close();
	}

	@Test
	void cosineDistanceRendersCosineOperator() {
		assertDenseFunction("cosine_distance", "<=>", VectorFunctionsIntegrationTests::cosine);
	}

	@Test
	void euclideanDistanceRendersL2Operator() {
		assertDenseFunction("euclidean_distance", "<->", VectorFunctionsIntegrationTests::euclidean);
		assertDenseFunction("l2_distance", "<->", VectorFunctionsIntegrationTests::euclidean);
	}

	@Test
	void l1DistanceRendersTaxicabOperatorNotTheFunction() {
		assertDenseFunction("l1_distance", "<+>", VectorFunctionsIntegrationTests::taxicab);
		assertDenseFunction("taxicab_distance", "<+>", VectorFunctionsIntegrationTests::taxicab);
		assertThat(inspector.statements).noneMatch((sql) -> sql.contains("l1_distance("));
	}

	@Test
	void innerProductsRenderInnerProductOperator() {
		assertDenseFunction("negative_inner_product", "<#>", (a, b) -> -dot(a, b));
		assertDenseFunction("inner_product", "<#>", VectorFunctionsIntegrationTests::dot);
	}

	@Test
	void hammingAndJaccardDistancesRenderBitOperators() {
		BitVector query = BitVector.of("1011001110001111");
		assertFunction("bits", query, "hamming_distance", "<~>", (row) -> hamming(row.bits, query));
		assertFunction("bits", query, "jaccard_distance", "<%>", (row) -> jaccard(row.bits, query));
	}

	@Test
	void criteriaFunctionRendersOperator() {
		float[] query = { 1, 0.5f, -1, 0, 2, 0.25f, -0.5f, 1 };
		List<Tuple> result = sessionFactory.fromTransaction((session) -> {
			HibernateCriteriaBuilder builder = session.getCriteriaBuilder();
			CriteriaQuery<Tuple> criteria = builder.createTupleQuery();
			Root<FunctionRow> root = criteria.from(FunctionRow.class);
			// the helper binds the query vector typed like the attribute: no cast to Hibernate's internals
			Expression<Double> distance = VectorCriteria.distance(builder, root.get("embedding"), query, Metric.L1);
			criteria.multiselect(root.get("id"), distance).orderBy(builder.asc(distance), builder.asc(root.get("id")));
			inspector.statements.clear();
			return session.createQuery(criteria).setMaxResults(5).getResultList();
		});
		assertThat(inspector.statements).anyMatch((sql) -> sql.contains("<+>"));
		List<FunctionRow> expected = new ArrayList<>(rows);
		expected.sort(Comparator.comparingDouble((FunctionRow row) -> taxicab(row.embedding, query)));
		assertThat(result).extracting((tuple) -> tuple.get(0)).containsExactlyElementsOf(
				expected.subList(0, 5).stream().map((row) -> (Object) row.id).toList());
	}

	private void assertDenseFunction(String function, String operator, ToDoubleBiFunction<float[], float[]> distance) {
		float[] query = { 1, 0.5f, -1, 0, 2, 0.25f, -0.5f, 1 };
		assertFunction("embedding", query, function, operator, (row) -> distance.applyAsDouble(row.embedding, query));
		assertFunction("half", query, function, operator, (row) -> distance.applyAsDouble(row.half, query));
		SparseVector sparseQuery = SparseVector.fromArray(query);
		assertFunction("sparse", sparseQuery, function, operator,
				(row) -> distance.applyAsDouble(row.sparse.toArray(), query));
	}

	private void assertFunction(String attribute, Object query, String function, String operator,
			java.util.function.ToDoubleFunction<FunctionRow> expectedDistance) {
		String hql = "select r.id, " + function + "(r." + attribute + ", :q) from FunctionRow r order by " + function
				+ "(r." + attribute + ", :q), r.id";
		inspector.statements.clear();
		List<Object[]> result = sessionFactory.fromTransaction((session) -> session
			.createSelectionQuery(hql, Object[].class)
			.setParameter("q", query)
			.getResultList());
		assertThat(inspector.statements).as(hql).anyMatch((sql) -> sql.contains(operator));
		List<FunctionRow> expected = new ArrayList<>(rows);
		expected.sort(Comparator.comparingDouble(expectedDistance).thenComparing((row) -> row.id));
		assertThat(result).as(hql).extracting((tuple) -> tuple[0])
			.containsExactlyElementsOf(expected.stream().map((row) -> (Object) row.id).toList());
		for (int i = 0; i < result.size(); i++) {
			assertThat((Double) result.get(i)[1]).as(hql)
				.isCloseTo(expectedDistance.applyAsDouble(expected.get(i)), within(1e-4));
		}
	}

	private static float[] randomVector(Random random) {
		float[] vector = new float[8];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return vector;
	}

	static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += (double) a[i] * b[i];
		}
		return sum;
	}

	static double cosine(float[] a, float[] b) {
		return 1 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
	}

	static double euclidean(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			double d = (double) a[i] - b[i];
			sum += d * d;
		}
		return Math.sqrt(sum);
	}

	static double taxicab(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += Math.abs((double) a[i] - b[i]);
		}
		return sum;
	}

	static double hamming(BitVector a, BitVector b) {
		int count = 0;
		for (int i = 0; i < a.length(); i++) {
			count += (a.get(i) != b.get(i)) ? 1 : 0;
		}
		return count;
	}

	static double jaccard(BitVector a, BitVector b) {
		int both = 0;
		int either = 0;
		for (int i = 0; i < a.length(); i++) {
			both += (a.get(i) && b.get(i)) ? 1 : 0;
			either += (a.get(i) || b.get(i)) ? 1 : 0;
		}
		return 1.0 - (double) both / either;
	}

}
