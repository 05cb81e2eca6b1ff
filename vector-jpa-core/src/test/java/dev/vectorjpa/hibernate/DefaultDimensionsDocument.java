package dev.vectorjpa.hibernate;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A vector attribute taking its dimension count from {@code vector-jpa.dimensions}.
 */
@Entity
@Table(name = "default_dimensions_documents")
class DefaultDimensionsDocument {

	@Id
	Long id;

	@VectorColumn
	float[] embedding;

}
