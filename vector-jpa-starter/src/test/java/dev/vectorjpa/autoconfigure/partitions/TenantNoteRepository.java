package dev.vectorjpa.autoconfigure.partitions;

import dev.vectorjpa.repository.VectorRepository;

/**
 * Notes of the current domain.
 */
public interface TenantNoteRepository extends VectorRepository<TenantNote, Long> {

}
