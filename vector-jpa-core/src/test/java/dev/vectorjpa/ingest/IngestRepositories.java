package dev.vectorjpa.ingest;

import java.util.UUID;

import dev.vectorjpa.repository.VectorRepository;

/** The repositories of the ingest tests. */
final class IngestRepositories {

	private IngestRepositories() {
	}

	interface ProductRepository extends VectorRepository<Product, UUID> {
	}

	interface NoteRepository extends VectorRepository<Note, Long> {
	}

	interface IdentityNoteRepository extends VectorRepository<IdentityNote, Long> {
	}

	interface PassageRepository extends VectorRepository<Passage, UUID> {
	}

}
