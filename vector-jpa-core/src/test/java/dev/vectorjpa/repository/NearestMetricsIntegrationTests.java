package dev.vectorjpa.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import com.pgvector.PGvector;
import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.repository.query.NearestQueryCreator;
import dev.vectorjpa.repository.query.NearestSql;
import dev.vectorjpa.repository.query.QueryScope;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each metric (and halfvec) against brute force with no index, and EXPLAIN proving the generated SQL is served by an
 * HNSW or IVFFlat index of the metric's operator class, and that {@code exact=true} bypasses it.
 */
@DatabaseTest
class NearestMetricsIntegrationTests extends RepositoryTestSupport {

	private static final int K = 10;

	@Test
	void cosine() {
		float[] query = query(21);
		assertMatches(this.items.findNearestBy(query, K), Metric.COSINE, (i) -> i.cosine, query, (i) -> true);
	}

	@Test
	void euclidean() {
		float[] query = query(22);
		assertMatches(this.items.searchNearestBy(query, K), Metric.EUCLIDEAN, (i) -> i.euclidean, query, (i) -> true);
	}

	@Test
	void innerProduct() {
		float[] query = query(23);
		assertMatches(this.items.streamNearestBy(query, K), Metric.INNER_PRODUCT, (i) -> i.innerProduct, query,
				(i) -> true);
	}

	@Test
	void taxicab() {
		float[] query = query(24);
		assertMatches(this.items.findNearestByCategory(query, "sport", K), Metric.L1, (i) -> i.taxicab, query,
				(i) -> i.category.equals("sport"));
	}

	@Test
	void halfPrecision() {
		float[] query = query(25);
		assertMatches(this.items.findNearestByCategoryNot(query, "sport", K), Metric.EUCLIDEAN, (i) -> i.half, query,
				(i) -> !i.category.equals("sport"));
	}

	@Test
	void sparseInnerProduct() {
		float[] dense = sparse(new Random(26));
		List<Nearest<SparseBitItem>> result = this.sparseBitItems.findNearestBy(SparseVector.fromArray(dense), K);
		TestVectors.assertNearest(result, this.sparseBitData, (i) -> i.id, (i) -> true,
				(i) -> TestVectors.distance(Metric.INNER_PRODUCT, i.terms.toArray(), dense), K);
		result.forEach((n) -> assertThat(n.score()).isEqualTo(-n.distance()));
	}

	@Test
	void bitHamming() {
		BitVector query = bits(new Random(27));
		List<Nearest<SparseBitItem>> result = this.sparseBitItems.findNearestBy(query, K);
		TestVectors.assertNearest(result, this.sparseBitData, (i) -> i.id, (i) -> true,
				(i) -> TestVectors.hamming(i.hamming, query), K);
		result.forEach((n) -> assertThat(n.score()).isCloseTo(1 - n.distance() / SparseBitItem.BITS, within(1e-12)));
	}

	@Test
	void bitJaccard() {
		BitVector query = bits(new Random(28));
		List<Nearest<SparseBitItem>> result = this.sparseBitItems.searchNearestBy(query, K);
		TestVectors.assertNearest(result, this.sparseBitData, (i) -> i.id, (i) -> true,
				(i) -> TestVectors.jaccard(i.jaccard, query), K);
		result.forEach((n) -> assertThat(n.score()).isCloseTo(1 - n.distance(), within(1e-12)));
	}

	@Test
	void hnswIndexServesEveryMetric(TestSchema schema) throws Exception {
		assertIndexUsed(schema, MultiMetricItem.class, IndexType.HNSW,
				List.of("cosine", "euclidean", "innerProduct", "taxicab", "half"), "'" + new PGvector(query(30)).getValue() + "'");
		assertIndexUsed(schema, SparseBitItem.class, IndexType.HNSW, List.of("terms"),
				"'" + SparseVector.fromArray(sparse(new Random(31))).toSqlLiteral() + "'");
		assertIndexUsed(schema, SparseBitItem.class, IndexType.HNSW, List.of("hamming", "jaccard"),
				"'" + bits(new Random(32)).toPGbit().getValue() + "'");
	}

	@Test
	void ivfflatIndexServesItsMetrics(TestSchema schema) throws Exception {
		// pgvector has no IVFFlat operator class for L1, jaccard or sparsevec
		assertIndexUsed(schema, MultiMetricItem.class, IndexType.IVFFLAT,
				List.of("cosine", "euclidean", "innerProduct", "half"), "'" + new PGvector(query(30)).getValue() + "'");
		assertIndexUsed(schema, SparseBitItem.class, IndexType.IVFFLAT, List.of("hamming"),
				"'" + bits(new Random(32)).toPGbit().getValue() + "'");
	}

	private void assertIndexUsed(TestSchema schema, Class<?> entity, IndexType type, List<String> attributes,
			String queryLiteral) throws Exception {
		VectorEntityMetadata metadata = VectorEntityMetadata.of(this.entityManagerFactory, entity);
		List<VectorIndexDefinition> indexes = new ArrayList<>();
		for (String name : attributes) {
			VectorAttribute attribute = metadata.vectorAttribute(name);
			indexes.add(new VectorIndexDefinition(null, metadata.tableName(), attribute.columnName(),
					attribute.type(), attribute.metric(), type, null, null, (type == IndexType.IVFFLAT) ? 4 : null,
					false, null, null));
		}
		try {
			schema.execute(indexes.stream().map(VectorIndexDefinition::createSql).toArray(String[]::new));
			for (int i = 0; i < attributes.size(); i++) {
				VectorAttribute attribute = metadata.vectorAttribute(attributes.get(i));
				String index = indexes.get(i).indexName();
				assertThat(explain(schema, explainable(entity, attribute, false, queryLiteral))).as(attribute.name())
					.contains("Index Scan using " + index);
				// exact=true: even with sequential scans disabled the planner cannot use the index
				assertThat(explain(schema, explainable(entity, attribute, true, queryLiteral))).as(attribute.name())
					.doesNotContain(index)
					.contains("Seq Scan");
			}
		}
		finally {
			schema.execute(indexes.stream().map(VectorIndexDefinition::dropSql).toArray(String[]::new));
		}
	}

	// the repository's SQL for the attribute, with the bind parameters written as literals for EXPLAIN
	private String explainable(Class<?> entity, VectorAttribute attribute, boolean exact, String queryLiteral) {
		NearestSql sql = new NearestQueryCreator(EntityColumns.of(this.entityManagerFactory, entity),
				attribute, QueryScope.NONE)
			.create(null, NearestSql.Threshold.NONE);
		return sql.sql(exact)
			.replace(":" + NearestSql.QUERY_PARAMETER, queryLiteral)
			.replace(":" + NearestSql.LIMIT_PARAMETER, "5");
	}

	private static String explain(TestSchema schema, String sql) throws Exception {
		// 300 rows: without disabled sequential scans the planner rightly prefers one; the point is that it can
		return IndexPlans.explain(schema, sql);
	}

	private void assertMatches(Iterable<Nearest<MultiMetricItem>> result, Metric metric,
			Function<MultiMetricItem, float[]> vector, float[] query, Predicate<MultiMetricItem> filter) {
		List<Nearest<MultiMetricItem>> actual = new ArrayList<>();
		result.forEach(actual::add);
		TestVectors.assertNearest(actual, this.itemData, (i) -> i.id, filter,
				(i) -> TestVectors.distance(metric, vector.apply(i), query), K);
		for (Nearest<MultiMetricItem> nearest : actual) {
			double distance = nearest.distance();
			double score = switch (metric) {
				case COSINE -> 1 - distance;
				case EUCLIDEAN, L1 -> 1 / (1 + distance);
				default -> -distance;
			};
			assertThat(nearest.score()).isCloseTo(score, within(1e-12));
		}
	}

}
