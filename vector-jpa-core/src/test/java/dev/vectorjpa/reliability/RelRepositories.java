package dev.vectorjpa.reliability;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.NearestTo;
import dev.vectorjpa.repository.VectorRepository;

/** The repositories of the reliability tests. */
final class RelRepositories {

	private RelRepositories() {
	}

	interface RelDocRepository extends VectorRepository<RelDoc, UUID> {

		List<Nearest<RelDoc>> findNearestByCategory(float[] query, String category, int k);

	}

	interface RelSeqDocRepository extends VectorRepository<RelSeqDoc, Long> {
	}

	interface RelIvfDocRepository extends VectorRepository<RelIvfDoc, Long> {
	}

	interface RelMixedDocRepository extends VectorRepository<RelMixedDoc, Long> {

		@NearestTo("half")
		List<Nearest<RelMixedDoc>> findNearestBy(float[] query, int k);

		@NearestTo("sparse")
		List<Nearest<RelMixedDoc>> findNearestBy(SparseVector query, int k);

	}

}
