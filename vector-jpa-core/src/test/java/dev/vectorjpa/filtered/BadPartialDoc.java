package dev.vectorjpa.filtered;

import java.util.UUID;

import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity whose partial index predicate names a column it does not have.
 */
@Entity(name = "BadPartialDoc")
@Table(name = "bad_partial_docs")
public class BadPartialDoc {

	@Id
	private UUID id;

	@VectorColumn(dimensions = 3)
	@VectorIndex(type = IndexType.HNSW, where = "shelf = 'top'")
	private float[] embedding;

}
