package dev.vectorjpa;

import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link Metric}: operators, operator classes and the similarity conversion of the contract.
 */
class MetricUnitTests {

	@Test
	void operatorsArePgvectors() {
		assertThat(Metric.COSINE.operator()).isEqualTo("<=>");
		assertThat(Metric.EUCLIDEAN.operator()).isEqualTo("<->");
		assertThat(Metric.INNER_PRODUCT.operator()).isEqualTo("<#>");
		assertThat(Metric.L1.operator()).isEqualTo("<+>");
		assertThat(Metric.HAMMING.operator()).isEqualTo("<~>");
		assertThat(Metric.JACCARD.operator()).isEqualTo("<%>");
	}

	@Test
	void operatorClassesPerType() {
		assertThat(Metric.COSINE.operatorClass(VectorType.VECTOR)).isEqualTo("vector_cosine_ops");
		assertThat(Metric.EUCLIDEAN.operatorClass(VectorType.HALFVEC)).isEqualTo("halfvec_l2_ops");
		assertThat(Metric.INNER_PRODUCT.operatorClass(VectorType.SPARSEVEC)).isEqualTo("sparsevec_ip_ops");
		assertThat(Metric.L1.operatorClass(VectorType.VECTOR)).isEqualTo("vector_l1_ops");
		assertThat(Metric.HAMMING.operatorClass(VectorType.BIT)).isEqualTo("bit_hamming_ops");
		assertThat(Metric.JACCARD.operatorClass(VectorType.BIT)).isEqualTo("bit_jaccard_ops");
		assertThatIllegalArgumentException().isThrownBy(() -> Metric.HAMMING.operatorClass(VectorType.VECTOR))
			.withMessage("Metric HAMMING is not defined for vector columns; use COSINE, EUCLIDEAN, INNER_PRODUCT or L1");
		assertThatIllegalArgumentException().isThrownBy(() -> Metric.COSINE.operatorClass(VectorType.BIT))
			.withMessage("Metric COSINE is not defined for bit columns; use HAMMING or JACCARD");
		for (Metric metric : Metric.values()) {
			VectorType type = metric.supports(VectorType.BIT) ? VectorType.BIT : VectorType.VECTOR;
			assertThat(Metric.fromOperatorClass(metric.operatorClass(type).toUpperCase())).isEqualTo(metric);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Metric.fromOperatorClass("text_ops"))
			.withMessage("Not a pgvector operator class: text_ops");
	}

	@Test
	void indexSupportFollowsPgvector() {
		assertThat(Metric.COSINE.supportsIndex(IndexType.IVFFLAT, VectorType.VECTOR)).isTrue();
		assertThat(Metric.COSINE.supportsIndex(IndexType.IVFFLAT, VectorType.SPARSEVEC)).isFalse();
		assertThat(Metric.COSINE.supportsIndex(IndexType.HNSW, VectorType.SPARSEVEC)).isTrue();
		assertThat(Metric.L1.supportsIndex(IndexType.IVFFLAT, VectorType.VECTOR)).isFalse();
		assertThat(Metric.L1.supportsIndex(IndexType.HNSW, VectorType.HALFVEC)).isTrue();
		assertThat(Metric.JACCARD.supportsIndex(IndexType.IVFFLAT, VectorType.BIT)).isFalse();
		assertThat(Metric.HAMMING.supportsIndex(IndexType.IVFFLAT, VectorType.BIT)).isTrue();
		assertThat(Metric.HAMMING.supportsIndex(IndexType.HNSW, VectorType.VECTOR)).isFalse();
	}

	@Test
	void scoresConvertDistancesAsTheContractSays() {
		assertThat(Metric.COSINE.score(0.25, 3)).isEqualTo(0.75);
		assertThat(Metric.EUCLIDEAN.score(1.0, 3)).isEqualTo(0.5);
		assertThat(Metric.INNER_PRODUCT.score(-7.5, 3)).isEqualTo(7.5);
		assertThat(Metric.L1.score(3.0, 3)).isEqualTo(0.25);
		assertThat(Metric.HAMMING.score(16, 64)).isEqualTo(0.75);
		assertThat(Metric.JACCARD.score(0.4, 64)).isCloseTo(0.6, within(1e-12));
	}

	@Test
	void distanceForScoreInvertsScore() {
		for (Metric metric : Metric.values()) {
			for (double distance : new double[] { 0.0, 0.125, 0.5, 3.0 }) {
				double score = metric.score(distance, 64);
				assertThat(metric.distanceForScore(score, 64)).as(metric + " " + distance)
					.isCloseTo(distance, within(1e-12));
			}
		}
		assertThat(Metric.EUCLIDEAN.distanceForScore(0, 3)).isEqualTo(Double.POSITIVE_INFINITY);
	}

	@Test
	void parsesConfigurationSpellings() {
		assertThat(Metric.parse("cosine")).isEqualTo(Metric.COSINE);
		assertThat(Metric.parse(" L2 ")).isEqualTo(Metric.EUCLIDEAN);
		assertThat(Metric.parse("ip")).isEqualTo(Metric.INNER_PRODUCT);
		assertThat(Metric.parse("inner-product")).isEqualTo(Metric.INNER_PRODUCT);
		assertThat(Metric.parse("taxicab")).isEqualTo(Metric.L1);
		assertThat(Metric.parse("Hamming")).isEqualTo(Metric.HAMMING);
		assertThat(Metric.parse("jaccard")).isEqualTo(Metric.JACCARD);
		assertThatIllegalArgumentException().isThrownBy(() -> Metric.parse("dotty"))
			.withMessage("Unknown metric 'dotty'; expected one of cosine, euclidean, inner_product, l1, hamming, jaccard");
	}

}
