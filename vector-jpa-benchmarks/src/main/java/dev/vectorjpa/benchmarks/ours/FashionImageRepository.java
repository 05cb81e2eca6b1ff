package dev.vectorjpa.benchmarks.ours;

import java.util.UUID;

import dev.vectorjpa.repository.VectorRepository;

/** vector-jpa repository of {@link FashionImage}. */
public interface FashionImageRepository extends VectorRepository<FashionImage, UUID> {

}
