package dev.vectorjpa.repository;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The same vectors in one column per metric (and a halfvec copy), searched with {@code @NearestTo}.
 */
@Entity
@Table(name = "multi_metric_item")
class MultiMetricItem {

	@Id
	Long id;

	String category;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.COSINE)
	float[] cosine;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.EUCLIDEAN)
	float[] euclidean;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.INNER_PRODUCT)
	float[] innerProduct;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.L1)
	float[] taxicab;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.EUCLIDEAN, type = VectorType.HALFVEC)
	float[] half;

	MultiMetricItem() {
	}

}
