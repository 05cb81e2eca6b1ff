package dev.vectorjpa.benchmarks.ours;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;

/** vector-jpa repository of the 384-dimension table, with the derived filtered search the filtered benchmark runs. */
public interface Synthetic384Repository extends VectorRepository<Synthetic384, UUID> {

	/** The k nearest rows of a category. */
	List<Nearest<Synthetic384>> findNearestByCategory(float[] query, String category, int k, SearchOptions options);

}
