package dev.vectorjpa.benchmarks.jpa;

import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Vector;
import org.springframework.data.repository.Repository;

/** Spring Data JPA 4's derived vector search, the competitor our derived {@code findNearest} is compared with. */
public interface SpringDataDocumentRepository extends Repository<SpringDataDocument, UUID> {

	/** The nearest documents within {@code distance}, nearest first. */
	SearchResults<SpringDataDocument> searchByEmbeddingNear(Vector vector, Score distance, Limit limit);

}
