package dev.vectorjpa.observation;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import org.jspecify.annotations.Nullable;

/**
 * Wraps vector-jpa's database operations in observations named {@value #NAME}, as Spring AI's vector stores do,
 * with the OpenTelemetry database semantic-convention keys where they exist: {@value #DB_OPERATION_NAME}
 * ({@value #SEARCH}, {@value #BULK_INSERT}, {@value #UPDATE}, {@value #DELETE}, {@value #INDEX_BUILD},
 * and {@value #EMBEDDING} for calls to the embedding model),
 * {@value #DB_SYSTEM_NAME} ({@code postgresql}), {@value #DB_SYSTEM} ({@code pg_vector}, Spring AI's value),
 * {@value #DB_COLLECTION_NAME} and {@value #DB_SEARCH_SIMILARITY_METRIC}; plus vector-jpa's own
 * {@value #ENTITY_KEY}, {@value #METRIC_KEY} and {@value #INDEX_TYPE_KEY}. All are low-cardinality. {@link #noop()}
 * runs the work directly; {@link MicrometerVectorJpaObservations} reports to a Micrometer {@code ObservationRegistry}
 * (Micrometer is an optional dependency, so this type never names it).
 *
 * @since 0.1
 */
public interface VectorJpaObservations {

	/** The observation name of every operation (Spring AI's name for vector store operations). */
	String NAME = "db.vector.client.operation";

	/** Operation of a nearest-neighbour or hybrid search (derived or inherited {@code findNearest}, store search). */
	String SEARCH = "query";

	/** Operation of a write: a binary {@code COPY} bulk insert, a store {@code add}. */
	String BULK_INSERT = "add";

	/** Operation of a store metadata update. */
	String UPDATE = "update";

	/** Operation of a store delete or clear. */
	String DELETE = "delete";

	/** Operation of a vector index build. */
	String INDEX_BUILD = "create_index";

	/** Operation of a call to the embedding model (a batch of texts, or a query text); Spring AI's operation name. */
	String EMBEDDING = "embeddings";

	/** Key (OpenTelemetry): the operation, one of the operation constants. */
	String DB_OPERATION_NAME = "db.operation.name";

	/** Key (OpenTelemetry): the database management system, {@code postgresql}. */
	String DB_SYSTEM_NAME = "db.system.name";

	/** Key (Spring AI): the vector store kind, {@code pg_vector}. */
	String DB_SYSTEM = "db.system";

	/** Key (OpenTelemetry): the collection, here the entity's simple name or the store's table. */
	String DB_COLLECTION_NAME = "db.collection.name";

	/** Key (Spring AI): the similarity metric in lower case, {@code none} when not applicable. */
	String DB_SEARCH_SIMILARITY_METRIC = "db.search.similarity_metric";

	/** Key: the entity's simple name (or the store table). */
	String ENTITY_KEY = "vector-jpa.entity";

	/** Key: the metric in lower case ({@code cosine}, ...), {@code none} when not applicable. */
	String METRIC_KEY = "vector-jpa.metric";

	/** Key: the index type in lower case ({@code none}, {@code hnsw}, {@code ivfflat}). */
	String INDEX_TYPE_KEY = "vector-jpa.index.type";

	/**
	 * Low-cardinality key of a search: what found its rows ({@code index}, {@code exact}, {@code auto-exact},
	 * {@code auto-index}, {@code auto-index-then-exact}; see {@code SearchOptions.FilterStrategy}).
	 */
	String STRATEGY_KEY = "vector-jpa.search.strategy";

	/**
	 * Runs {@code work} inside an observation of {@code operation}.
	 * @param name the operation: one of {@link #SEARCH}, {@link #BULK_INSERT}, {@link #UPDATE}, {@link #DELETE},
	 * {@link #INDEX_BUILD}, {@link #EMBEDDING}
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

	/**
	 * Observes a search whose work reports, through the consumer it receives, the strategy it ran
	 * ({@value #STRATEGY_KEY}).
	 */
	default <T> T search(String entity, Metric metric, @Nullable IndexType indexType,
			Function<Consumer<String>, T> work) {
		return observe(SEARCH, entity, metric, indexType, () -> work.apply((strategy) -> {
		}));
	}

	/** Observes a bulk insert. */
	default <T> T bulkInsert(String entity, Supplier<T> work) {
		return observe(BULK_INSERT, entity, null, null, work);
	}

	/** Observes a write other than an insert: {@link #UPDATE} or {@link #DELETE}. */
	default <T> T write(String operation, String entity, Supplier<T> work) {
		return observe(operation, entity, null, null, work);
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
