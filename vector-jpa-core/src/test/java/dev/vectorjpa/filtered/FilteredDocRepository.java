package dev.vectorjpa.filtered;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;
import org.springframework.data.domain.Score;

/**
 * Derived filtered searches over {@link FilteredDoc}.
 */
interface FilteredDocRepository extends VectorRepository<FilteredDoc, UUID> {

	List<Nearest<FilteredDoc>> findNearestByBucketLessThan(float[] query, int bucket, int k);

	List<Nearest<FilteredDoc>> findNearestByBucketLessThan(float[] query, int bucket, int k, SearchOptions options);

	List<Nearest<FilteredDoc>> findNearestByBucketLessThan(float[] query, int bucket, Score atLeast, int k);

	List<Nearest<FilteredDoc>> findNearestBySection(float[] query, String section, int k);

}
