package dev.vectorjpa.benchmarks.jpa;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Plain Spring Data JPA repository for the {@code saveAll} ingest baseline. */
public interface JpaIngestRepository extends JpaRepository<JpaIngestDocument, UUID> {

}
