package dev.vectorjpa.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Vector;

interface DocumentRepository extends VectorRepository<Document, Long> {

	// plain Spring Data JPA derivation keeps working next to nearest queries
	List<Document> findByCategoryOrderByIdAsc(String category);

	List<Nearest<Document>> findNearestBy(float[] query, int k);

	List<Nearest<Document>> findNearestByCategory(float[] query, String category, int k);

	List<Nearest<Document>> findNearestById(float[] query, Long id, int k);

	List<Nearest<Document>> findNearestByIdIn(float[] query, Collection<Long> ids, int k);

	List<Nearest<Document>> findNearestByIdGreaterThan(float[] query, long id, int k);

	List<Nearest<Document>> findNearestByAuthorId(float[] query, Long authorId, int k);

	List<Nearest<Document>> findNearestByAuthorIdIn(float[] query, Collection<Long> authorIds, int k);

	List<Nearest<Document>> findNearestByCategoryNot(float[] query, String category, int k);

	List<Nearest<Document>> findNearestByCategoryIn(float[] query, Collection<String> categories, int k);

	List<Nearest<Document>> findNearestByCategoryNotIn(float[] query, Collection<String> categories, int k);

	List<Nearest<Document>> findNearestByPriceIn(float[] query, int[] prices, int k);

	List<Nearest<Document>> findNearestByCategoryIgnoreCase(float[] query, String category, int k);

	List<Nearest<Document>> findNearestByPriceLessThan(float[] query, int price, int k);

	List<Nearest<Document>> findNearestByPriceLessThanEqual(float[] query, int price, int k);

	List<Nearest<Document>> findNearestByPriceGreaterThan(float[] query, int price, int k);

	List<Nearest<Document>> findNearestByPriceGreaterThanEqual(float[] query, int price, int k);

	List<Nearest<Document>> findNearestByPriceBetween(float[] query, int from, int to, int k);

	List<Nearest<Document>> findNearestByTitleLike(float[] query, String pattern, int k);

	List<Nearest<Document>> findNearestByTitleNotLike(float[] query, String pattern, int k);

	List<Nearest<Document>> findNearestByTitleContaining(float[] query, String word, int k);

	List<Nearest<Document>> findNearestByTitleNotContaining(float[] query, String word, int k);

	List<Nearest<Document>> findNearestByTitleContainingIgnoreCase(float[] query, String word, int k);

	List<Nearest<Document>> findNearestByTitleStartingWith(float[] query, String prefix, int k);

	List<Nearest<Document>> findNearestByTitleEndingWith(float[] query, String suffix, int k);

	List<Nearest<Document>> findNearestByNoteIsNull(float[] query, int k);

	List<Nearest<Document>> findNearestByNoteIsNotNull(float[] query, int k);

	List<Nearest<Document>> findNearestByPublishedTrue(float[] query, int k);

	List<Nearest<Document>> findNearestByPublishedFalse(float[] query, int k);

	List<Nearest<Document>> findNearestByCreatedOnAfter(float[] query, LocalDate date, int k);

	List<Nearest<Document>> findNearestByCreatedOnBefore(float[] query, LocalDate date, int k);

	List<Nearest<Document>> findNearestByAddressCity(float[] query, String city, int k);

	List<Nearest<Document>> findNearestByAuthorName(float[] query, String name, int k);

	List<Nearest<Document>> findNearestByAuthorNameAndAddressCity(float[] query, String name, String city, int k);

	List<Nearest<Document>> findNearestByCategoryAndPriceGreaterThan(float[] query, String category, int price, int k);

	List<Nearest<Document>> findNearestByCategoryOrPriceLessThan(float[] query, String category, int price, int k);

	List<Nearest<Document>> findNearestByCategoryAndPublishedTrueOrPriceLessThan(float[] query, String category,
			int price, int k);

	List<Document> findNearestByCategoryInAndTitleContaining(Vector query, Collection<String> categories, String word,
			Limit limit);

	List<Nearest<Document>> findNearestByCategory(float[] query, String category, Similarity atLeast, int k);

	List<Nearest<Document>> findNearestBy(float[] query, Score atLeast, int k);

	List<Nearest<Document>> findNearestBy(float[] query, Range<Similarity> range, Limit limit);

	SearchResults<Document> findNearestByCategory(Vector query, String category, Limit limit);

	List<Nearest<Document>> findNearestByCategory(float[] query, String category, int k, SearchOptions options);

	Stream<Nearest<Document>> streamNearestByPublishedTrue(float[] query, int k);

	SearchResults<Document> searchNearestBy(float[] query, int k);

	List<Document> findNearestByPriceGreaterThan(float[] query, int price, Limit limit);

	List<TitleOnly> findNearestByCategoryNot(float[] query, String category, Limit limit);

	List<Nearest<DocumentSummary>> findNearestByPublishedFalse(float[] query, Limit limit);

	interface TitleOnly {

		String getTitle();

	}

	record DocumentSummary(Long id, String title, int price) {
	}

}
