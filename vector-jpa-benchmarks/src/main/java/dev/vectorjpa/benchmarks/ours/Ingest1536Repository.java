package dev.vectorjpa.benchmarks.ours;

import java.util.UUID;

import dev.vectorjpa.repository.VectorRepository;

/** vector-jpa repository of {@link Ingest1536}. */
public interface Ingest1536Repository extends VectorRepository<Ingest1536, UUID> {

}
