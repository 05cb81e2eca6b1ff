package dev.vectorjpa.observation;

import java.util.function.Supplier;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import org.jspecify.annotations.Nullable;

/**
 * Wraps vector-jpa's expensive operations in observations: {@value #SEARCH}, {@value #BULK_INSERT},
 * {@value #EMBEDDING} and {@value #INDEX_BUILD}, each with the low-cardinality keys {@value #ENTITY_KEY},
 * {@value #METRIC_KEY} and {@value #INDEX_TYPE_KEY}. {@link #noop()} runs the work directly; {@link MicrometerVectorJpaObservations} reports
 * to a Micrometer {@code ObservationRegistry} (Micrometer is an optional dependency, so this type never names it).
 *
 * @since 0.1
 */
public interface VectorJpaObservations {

	/** Observation name of a nearest-neighbour search (derived or inherited {@code findNearest}, store search). */
	String SEARCH = "vector-jpa.search";

	/** Observation name of a binary {@code COPY} bulk insert. */
	String BULK_INSERT = "vector-jpa.bulk-insert";

	/** Observation name of a vector index build. */
	String INDEX_BUILD = "vector-jpa.index.build";

	/** Observation name of a call to the embedding model (a batch of texts, or a query text). */
	String EMBEDDING = "vector-jpa.embedding";

	/** Low-cardinality key: the entity's simple name (or the store table). */
	String ENTITY_KEY = "vector-jpa.entity";

	/** Low-cardinality key: the metric in lower case ({@code cosine}, ...), {@code none} when not applicable. */
	String METRIC_KEY = "vector-jpa.metric";

	/** Low-cardinality key: the index type in lower case ({@code none}, {@code hnsw}, {@code ivfflat}). */
	String INDEX_TYPE_KEY = "vector-jpa.index.type";

	/**
	 * Runs {@code work} inside an observation named {@code name}.
	 * @param name one of {@link #SEARCH}, {@link #BULK_INSERT}, {@link #EMBEDDING}, {@link #INDEX_BUILD}
	 * @param entity the entity (or store table) name
	 * @param metric the metric, or null when not applicable
	 * @param indexType the index type, or null when not applicable
	 * @param work what to observe; its exceptions are recorded and rethrown
	 */
	<T> T observe(String name, String entity, @Nullable Metric metric, @Nullable IndexType indexType,
			Supplier<T> work);

	/** Observes a search. */
	default <T> T search(String entity, Metric metric, @Nullable IndexType indexType, Supplier<T> work) {
		return observe(SEARCH, entity, metric, indexType, work);
	}

	/** Observes a bulk insert. */
	default <T> T bulkInsert(String entity, Supplier<T> work) {
		return observe(BULK_INSERT, entity, null, null, work);
	}

	/** Observes a call to the embedding model for an entity's vector attribute. */
	default <T> T embedding(String entity, Supplier<T> work) {
		return observe(EMBEDDING, entity, null, null, work);
	}

	/** Observes an index build. */
	default void indexBuild(String entity, Metric metric, IndexType indexType, Runnable work) {
		observe(INDEX_BUILD, entity, metric, indexType, () -> {
			work.run();
			return null;
		});
	}

	/** Observations that run the work directly, recording nothing. */
	static VectorJpaObservations noop() {
		return NoopVectorJpaObservations.INSTANCE;
	}

}
