package dev.vectorjpa.observation;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@link VectorJpaObservations} reporting to a Micrometer {@link ObservationRegistry}: with Micrometer's default
 * handlers every observation becomes a timer (and a span when tracing is configured).
 *
 * @since 0.1
 */
public final class MicrometerVectorJpaObservations implements VectorJpaObservations {

	private final ObservationRegistry registry;

	/** Observations reported to {@code registry}. */
	public MicrometerVectorJpaObservations(ObservationRegistry registry) {
		if (registry == null) {
			throw new IllegalArgumentException("ObservationRegistry must not be null");
		}
		this.registry = registry;
	}

	@Override
	public <T> T observe(String name, String entity, @Nullable Metric metric, @Nullable IndexType indexType,
			Supplier<T> work) {
		if (this.registry.isNoop()) {
			return work.get();
		}
		return observation(name, entity, metric, indexType).observe(work);
	}

	@Override
	public <T> T search(String entity, Metric metric, @Nullable IndexType indexType,
			Function<Consumer<String>, T> work) {
		if (this.registry.isNoop()) {
			return work.apply((strategy) -> {
			});
		}
		Observation observation = observation(SEARCH, entity, metric, indexType);
		// the strategy is known once the statement ran; key values added before stop reach the handlers
		return observation.observe(() -> work.apply((strategy) -> observation.lowCardinalityKeyValue(STRATEGY_KEY,
				strategy)));
	}

	private Observation observation(String name, String entity, @Nullable Metric metric,
			@Nullable IndexType indexType) {
		// Only low-cardinality values: entity names, metrics, index types and strategies are finite sets.
		// Span name as OpenTelemetry's database conventions write it: "{db.operation.name} {db.collection.name}".
		return Observation.createNotStarted(NAME, this.registry)
			.contextualName(name + " " + entity)
			.lowCardinalityKeyValue(DB_OPERATION_NAME, name)
			.lowCardinalityKeyValue(DB_SYSTEM_NAME, "postgresql")
			.lowCardinalityKeyValue(DB_SYSTEM, "pg_vector")
			.lowCardinalityKeyValue(DB_COLLECTION_NAME, entity)
			.lowCardinalityKeyValue(DB_SEARCH_SIMILARITY_METRIC, lowerCase(metric))
			.lowCardinalityKeyValue(ENTITY_KEY, entity)
			.lowCardinalityKeyValue(METRIC_KEY, lowerCase(metric))
			.lowCardinalityKeyValue(INDEX_TYPE_KEY, lowerCase(indexType));
	}

	private static String lowerCase(@Nullable Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(Locale.ROOT) : "none";
	}

}
