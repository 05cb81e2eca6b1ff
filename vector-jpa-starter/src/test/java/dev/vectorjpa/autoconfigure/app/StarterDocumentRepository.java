package dev.vectorjpa.autoconfigure.app;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.VectorRepository;

/**
 * A vector repository found and created by the starter without {@code @EnableVectorRepositories}.
 */
public interface StarterDocumentRepository extends VectorRepository<StarterDocument, UUID> {

	List<Nearest<StarterDocument>> findNearestByTitle(float[] query, String title, int k);

}
