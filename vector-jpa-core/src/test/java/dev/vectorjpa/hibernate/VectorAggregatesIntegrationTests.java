package dev.vectorjpa.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.hibernate.SessionFactory;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.sqm.produce.function.FunctionArgumentException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code avg} and {@code sum} over vector attributes in HQL and Criteria: pgvector's element-wise aggregates for
 * {@code vector} and {@code halfvec}, checked against sums computed in Java; a clear error for {@code sparsevec} and
 * {@code bit}, which pgvector has no aggregate for; numeric {@code avg}/{@code sum} unchanged.
 */
@DatabaseTest
class VectorAggregatesIntegrationTests {

	private static final int ROWS = 20;

	private static final RecordingStatementInspector inspector = new RecordingStatementInspector();

	private static final List<FunctionRow> rows = new ArrayList<>();

	private static SessionFactory sessionFactory;

	@BeforeAll
	static void start() {
		sessionFactory = HibernateTestSupport.sessionFactory(TestSchema.current(),
				Map.of("hibernate.session_factory.statement_inspector", inspector), FunctionRow.class);
		Random random = new Random(7);
		for (long id = 1; id <= ROWS; id++) {
			FunctionRow row = new FunctionRow();
			row.id = id;
			row.embedding = new float[8];
			row.half = new float[8];
			for (int i = 0; i < 8; i++) {
				// multiples of 1/8: exact in half precision and in every partial sum
				row.embedding[i] = (random.nextInt(33) - 16) / 8f;
				row.half[i] = (random.nextInt(33) - 16) / 8f;
			}
			row.sparse = SparseVector.fromArray(row.embedding);
			row.bits = BitVector.of("1011001110001111");
			rows.add(row);
		}
		sessionFactory.inTransaction((session) -> rows.forEach(session::persist));
	}

	@AfterAll
	static void stop() {
		sessionFactory.close();
	}

	@Test
	void avgOfVectorIsTheCentroid() {
		assertThat(single("select avg(r.embedding) from FunctionRow r"))
			.containsExactly(mean(rows, (row) -> row.embedding), within(1e-6f));
		assertThat(inspector.statements).anyMatch((sql) -> sql.contains("avg(fr1_0.embedding)"));
	}

	@Test
	void avgOfHalfvecIsTheCentroid() {
		assertThat(single("select avg(r.half) from FunctionRow r"))
			.containsExactly(mean(rows, (row) -> row.half), within(1e-3f));
	}

	@Test
	void sumOfVectorAndHalfvecAddElementWise() {
		assertThat(single("select sum(r.embedding) from FunctionRow r"))
			.containsExactly(sum(rows, (row) -> row.embedding), within(1e-5f));
		assertThat(single("select sum(r.half) from FunctionRow r"))
			.containsExactly(sum(rows, (row) -> row.half), within(1e-5f));
	}

	@Test
	void avgPerGroupAndOfSelectedRows() {
		List<Object[]> groups = sessionFactory.fromTransaction((session) -> session
			.createSelectionQuery("select mod(r.id, 2), avg(r.embedding) from FunctionRow r where r.id <= 10 "
					+ "group by mod(r.id, 2) order by mod(r.id, 2)", Object[].class)
			.getResultList());
		assertThat(groups).hasSize(2);
		for (Object[] group : groups) {
			long parity = ((Number) group[0]).longValue();
			List<FunctionRow> members = rows.stream().filter((row) -> row.id <= 10 && row.id % 2 == parity).toList();
			assertThat((float[]) group[1]).as("parity " + parity)
				.containsExactly(mean(members, (row) -> row.embedding), within(1e-6f));
		}
	}

	@Test
	void centroidOfLikedRows() {
		List<Long> likedIds = List.of(1L, 3L, 5L, 7L, 9L);
		float[] centroid = sessionFactory.fromTransaction((session) -> session.createSelectionQuery(
				"select avg(d.embedding) from FunctionRow d where d.id in :liked", float[].class)
			.setParameter("liked", likedIds)
			.getSingleResult());
		assertThat(centroid).containsExactly(
				mean(rows.stream().filter((row) -> likedIds.contains(row.id)).toList(), (row) -> row.embedding),
				within(1e-6f));
	}

	@Test
	void criteriaAvgOfVector() {
		float[] centroid = sessionFactory.fromTransaction((session) -> {
			HibernateCriteriaBuilder builder = session.getCriteriaBuilder();
			CriteriaQuery<float[]> query = builder.createQuery(float[].class);
			Root<FunctionRow> root = query.from(FunctionRow.class);
			query.select(builder.function("avg", float[].class, root.get("embedding")));
			return session.createQuery(query).getSingleResult();
		});
		assertThat(centroid).containsExactly(mean(rows, (row) -> row.embedding), within(1e-6f));
	}

	@Test
	void numericAvgAndSumAreHibernatesOwn() {
		Object avg = sessionFactory.fromTransaction((session) -> session
			.createSelectionQuery("select avg(r.id) from FunctionRow r", Object.class)
			.getSingleResult());
		Object sum = sessionFactory.fromTransaction((session) -> session
			.createSelectionQuery("select sum(r.id) from FunctionRow r", Object.class)
			.getSingleResult());
		assertThat(avg).isEqualTo((ROWS + 1) / 2.0);
		assertThat(sum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
	}

	@Test
	void sparsevecAndBitHaveNoAggregate() {
		inspector.statements.clear();
		assertThatExceptionOfType(FunctionArgumentException.class)
			.isThrownBy(() -> single("select avg(r.sparse) from FunctionRow r"))
			.withMessage("avg() is not defined for sparsevec arguments: pgvector has avg only for vector and halfvec");
		assertThatExceptionOfType(FunctionArgumentException.class)
			.isThrownBy(() -> single("select sum(r.bits) from FunctionRow r"))
			.withMessage("sum() is not defined for bit arguments: pgvector has sum only for vector and halfvec");
		assertThat(inspector.statements).isEmpty();
	}

	private static float[] single(String hql) {
		inspector.statements.clear();
		return sessionFactory.fromTransaction((session) -> session.createSelectionQuery(hql, float[].class)
			.getSingleResult());
	}

	private static float[] sum(List<FunctionRow> members, Function<FunctionRow, float[]> vector) {
		float[] sum = new float[8];
		for (FunctionRow row : members) {
			for (int i = 0; i < sum.length; i++) {
				sum[i] += vector.apply(row)[i];
			}
		}
		return sum;
	}

	private static float[] mean(List<FunctionRow> members, Function<FunctionRow, float[]> vector) {
		float[] mean = sum(members, vector);
		for (int i = 0; i < mean.length; i++) {
			mean[i] /= members.size();
		}
		return mean;
	}

}
