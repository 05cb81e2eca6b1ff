package dev.vectorjpa.index.usage;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.repository.VectorRepository;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entity and repository per metric whose index the usage tests check. */
final class UsageEntities {

	static final int DIMS = 8;

	private UsageEntities() {
	}

	/** Searched by cosine distance. */
	@Entity
	@Table(name = "usage_cosine")
	static class CosineItem {

		@Id
		Long id;

		@VectorColumn(dimensions = DIMS, metric = Metric.COSINE)
		float[] embedding;

	}

	/** Searched by Euclidean distance. */
	@Entity
	@Table(name = "usage_euclidean")
	static class EuclideanItem {

		@Id
		Long id;

		@VectorColumn(dimensions = DIMS, metric = Metric.EUCLIDEAN)
		float[] embedding;

	}

	/** Searched by (negative) inner product. */
	@Entity
	@Table(name = "usage_inner_product")
	static class InnerProductItem {

		@Id
		Long id;

		@VectorColumn(dimensions = DIMS, metric = Metric.INNER_PRODUCT)
		float[] embedding;

	}

	/** Declares an IVFFlat index, which the index manager builds once the table reaches min-rows. */
	@Entity
	@Table(name = "usage_deferred")
	static class DeferredItem {

		@Id
		Long id;

		@VectorColumn(dimensions = DIMS, metric = Metric.EUCLIDEAN)
		@VectorIndex(type = IndexType.IVFFLAT)
		float[] embedding;

	}

	interface DeferredItemRepository extends VectorRepository<DeferredItem, Long> {
	}

	interface CosineItemRepository extends VectorRepository<CosineItem, Long> {
	}

	interface EuclideanItemRepository extends VectorRepository<EuclideanItem, Long> {
	}

	interface InnerProductItemRepository extends VectorRepository<InnerProductItem, Long> {
	}

}
