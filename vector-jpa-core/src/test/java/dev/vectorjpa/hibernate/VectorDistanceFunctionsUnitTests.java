package dev.vectorjpa.hibernate;

import dev.vectorjpa.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each metric's HQL function is hibernate-vector's name for its operator distance, rendered with that operator.
 */
class VectorDistanceFunctionsUnitTests {

	@Test
	void everyMetricRendersItsOperator() {
		for (Metric metric : Metric.values()) {
			assertThat(VectorDistanceFunctions.pattern(metric)).isEqualTo("(?1" + metric.operator() + "?2)");
		}
	}

	@Test
	void functionNamesAreHibernateVectors() {
		assertThat(VectorDistanceFunctions.name(Metric.COSINE)).isEqualTo("cosine_distance");
		assertThat(VectorDistanceFunctions.name(Metric.EUCLIDEAN)).isEqualTo("euclidean_distance");
		// inner_product is the positive product, (a <#> b) * -1, which no index serves
		assertThat(VectorDistanceFunctions.name(Metric.INNER_PRODUCT)).isEqualTo("negative_inner_product");
		assertThat(VectorDistanceFunctions.name(Metric.L1)).isEqualTo("l1_distance");
		assertThat(VectorDistanceFunctions.name(Metric.HAMMING)).isEqualTo("hamming_distance");
		assertThat(VectorDistanceFunctions.name(Metric.JACCARD)).isEqualTo("jaccard_distance");
	}

}
