package dev.vectorjpa.observation;

import java.util.function.Supplier;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import org.jspecify.annotations.Nullable;

/**
 * Runs the work directly: what the hot paths pay when no observation registry is configured.
 */
final class NoopVectorJpaObservations implements VectorJpaObservations {

	static final NoopVectorJpaObservations INSTANCE = new NoopVectorJpaObservations();

	private NoopVectorJpaObservations() {
	}

	@Override
	public <T> T observe(String name, String entity, @Nullable Metric metric, @Nullable IndexType indexType,
			Supplier<T> work) {
		return work.get();
	}

	@Override
	public String toString() {
		return "VectorJpaObservations.noop()";
	}

}
