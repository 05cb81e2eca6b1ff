package dev.vectorjpa.repository;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
	@JdbcTypeCode(SqlTypes.VECTOR)
	@Array(length = Document.DIMENSIONS)
	float[] cosine;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.EUCLIDEAN)
	@JdbcTypeCode(SqlTypes.VECTOR)
	@Array(length = Document.DIMENSIONS)
	float[] euclidean;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.INNER_PRODUCT)
	@JdbcTypeCode(SqlTypes.VECTOR)
	@Array(length = Document.DIMENSIONS)
	float[] innerProduct;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.L1)
	@JdbcTypeCode(SqlTypes.VECTOR)
	@Array(length = Document.DIMENSIONS)
	float[] taxicab;

	@VectorColumn(dimensions = Document.DIMENSIONS, metric = Metric.EUCLIDEAN, type = VectorType.HALFVEC)
	@JdbcTypeCode(SqlTypes.VECTOR_FLOAT16)
	@Array(length = Document.DIMENSIONS)
	float[] half;

	MultiMetricItem() {
	}

}
