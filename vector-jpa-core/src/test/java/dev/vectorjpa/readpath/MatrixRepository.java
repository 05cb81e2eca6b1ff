package dev.vectorjpa.readpath;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.VectorRepository;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Vector;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * The derived methods of the read-path matrix, one per result shape.
 */
@NoRepositoryBean
interface MatrixRepository<T extends MatrixEntity> extends VectorRepository<T, UUID> {

	List<Nearest<T>> findNearestByCategory(float[] query, String category, int k);

	List<T> findNearestByCategoryIn(float[] query, Collection<String> categories, Limit limit);

	SearchResults<T> searchNearestByCategory(Vector query, String category, Limit limit);

	Stream<Nearest<T>> streamNearestByCategory(float[] query, String category, int k);

	List<MatrixIds> findNearestByCategoryNot(float[] query, String category, int k);

}
