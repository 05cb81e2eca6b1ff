package dev.vectorjpa.hibernate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A bit-only metric on a dense vector: a start-up error.
 */
@Entity
class WrongMetricDocument {

	@Id
	Long id;

	@VectorColumn(dimensions = 3, metric = Metric.HAMMING)
	float[] embedding;

}
