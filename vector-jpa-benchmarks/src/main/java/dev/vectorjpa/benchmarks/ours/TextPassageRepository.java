package dev.vectorjpa.benchmarks.ours;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;

/** vector-jpa repository of the real-text table, with the derived search the real-text section runs. */
public interface TextPassageRepository extends VectorRepository<TextPassage, UUID> {

	/** The k nearest passages of a section. */
	List<Nearest<TextPassage>> findNearestBySection(float[] query, String section, int k);

	/** The k nearest passages of a section, with search options (the filter strategy). */
	List<Nearest<TextPassage>> findNearestBySection(float[] query, String section, int k, SearchOptions options);

	/** The k nearest passages of every section but one (a filter that all rows pass when none is in that section). */
	List<Nearest<TextPassage>> findNearestBySectionNot(float[] query, String section, int k, SearchOptions options);

}
