package dev.vectorjpa.tenancy;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.VectorRepository;

/**
 * Inherited and derived vector searches over {@link ScopedDoc}.
 */
interface ScopedDocRepository extends VectorRepository<ScopedDoc, UUID> {

	List<Nearest<ScopedDoc>> findNearestByCategory(float[] query, String category, int k);

}
