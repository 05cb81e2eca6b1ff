package dev.vectorjpa.sample.article;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.VectorRepository;
import org.springframework.data.domain.Limit;

/**
 * Articles, searchable by meaning: derived {@code findNearest…} methods next to ordinary Spring Data ones.
 */
public interface ArticleRepository extends VectorRepository<Article, UUID> {

	/** The k articles of one category nearest to the query. */
	List<Nearest<Article>> findNearestByCategory(float[] query, String category, int k);

	/** The nearest articles among several categories, as plain entities. */
	List<Article> findNearestByCategoryIn(float[] query, Collection<String> categories, Limit limit);

	/** An ordinary derived JPA query, unaffected by the vector support. */
	List<Article> findByCategoryOrderByTitle(String category);

}
