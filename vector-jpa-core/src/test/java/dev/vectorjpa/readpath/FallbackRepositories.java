package dev.vectorjpa.readpath;

import dev.vectorjpa.repository.VectorRepository;

/** Repositories of the entities whose searches keep Hibernate's loader. */
final class FallbackRepositories {

	private FallbackRepositories() {
	}

	interface NestedRowRepository extends VectorRepository<NestedRow, Long> {

	}

	interface AnimalRepository extends VectorRepository<Animal, Long> {

	}

}
