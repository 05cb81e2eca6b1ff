package dev.vectorjpa.benchmarks.ours;

import java.util.UUID;

import dev.vectorjpa.repository.VectorRepository;

/** vector-jpa repository of {@link Ingest384}. */
public interface Ingest384Repository extends VectorRepository<Ingest384, UUID> {

}
