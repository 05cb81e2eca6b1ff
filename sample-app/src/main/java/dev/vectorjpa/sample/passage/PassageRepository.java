package dev.vectorjpa.sample.passage;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.VectorRepository;

/**
 * Passages of the current domain; {@code findNearest(String, int)} and {@code findHybrid(String, int)} are inherited.
 */
public interface PassageRepository extends VectorRepository<Passage, UUID> {

	/** The {@code k} passages of a category nearest to {@code text} (embedded once by the model). */
	List<Nearest<Passage>> findNearestByCategory(String text, String category, int k);

	/** The categories of the current domain. */
	@org.springframework.data.jpa.repository.Query("select distinct p.category from Passage p order by p.category")
	List<String> findCategories();

}
