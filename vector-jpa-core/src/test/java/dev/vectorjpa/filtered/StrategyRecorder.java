package dev.vectorjpa.filtered;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.observation.VectorJpaObservations;
import org.jspecify.annotations.Nullable;

/**
 * Observations that record the strategy tag of every search, as a Micrometer handler would see it.
 */
final class StrategyRecorder implements VectorJpaObservations {

	private final List<String> strategies = new ArrayList<>();

	@Override
	public <T> T observe(String name, String entity, @Nullable Metric metric, @Nullable IndexType indexType,
			Supplier<T> work) {
		return work.get();
	}

	@Override
	public <T> T search(String entity, Metric metric, @Nullable IndexType indexType,
			Function<Consumer<String>, T> work) {
		return work.apply(this::record);
	}

	private synchronized void record(String strategy) {
		this.strategies.add(strategy);
	}

	/** The strategies recorded since the last call, cleared. */
	synchronized List<String> take() {
		List<String> taken = List.copyOf(this.strategies);
		this.strategies.clear();
		return taken;
	}

}
