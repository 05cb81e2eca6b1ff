package dev.vectorjpa.filtered;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.VectorRepository;

/**
 * Searches by section over {@link SectionDoc}.
 */
interface SectionDocRepository extends VectorRepository<SectionDoc, UUID> {

	List<Nearest<SectionDoc>> findNearestBySection(float[] query, String section, int k);

}
