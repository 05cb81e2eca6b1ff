package dev.vectorjpa.repository;

import java.util.List;

/**
 * Criteria on the parts of an embedded identifier.
 */
interface ChapterRepository extends VectorRepository<Chapter, ChapterKey> {

	List<Nearest<Chapter>> findNearestByIdBookId(float[] query, long bookId, int k);

	List<Nearest<Chapter>> findNearestByIdBookIdAndIdNumberLessThan(float[] query, long bookId, int number, int k);

}
