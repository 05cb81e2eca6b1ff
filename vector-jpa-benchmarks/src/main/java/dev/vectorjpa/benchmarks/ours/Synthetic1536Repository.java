package dev.vectorjpa.benchmarks.ours;

import java.util.UUID;

import dev.vectorjpa.repository.VectorRepository;

/** vector-jpa repository of {@link Synthetic1536}. */
public interface Synthetic1536Repository extends VectorRepository<Synthetic1536, UUID> {

}
