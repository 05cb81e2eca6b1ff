package dev.vectorjpa.repository;

import java.util.List;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface MultiMetricItemRepository extends VectorRepository<MultiMetricItem, Long>,
		JpaSpecificationExecutor<MultiMetricItem> {

	@NearestTo("cosine")
	List<Nearest<MultiMetricItem>> findNearestBy(float[] query, int k);

	@NearestTo("euclidean")
	List<Nearest<MultiMetricItem>> searchNearestBy(float[] query, int k);

	@NearestTo("innerProduct")
	List<Nearest<MultiMetricItem>> streamNearestBy(float[] query, int k);

	@NearestTo("taxicab")
	List<Nearest<MultiMetricItem>> findNearestByCategory(float[] query, String category, int k);

	@NearestTo("half")
	List<Nearest<MultiMetricItem>> findNearestByCategoryNot(float[] query, String category, int k);

}
