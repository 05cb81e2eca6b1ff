package dev.vectorjpa.benchmarks.ours;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.observation.VectorJpaObservations;

/**
 * Observations that record nothing but the filter strategy each search ran (the search observation's
 * {@value VectorJpaObservations#STRATEGY_KEY} tag), counted into the map of the {@link #counting} call running on the
 * calling thread; every other operation runs directly, as with no observations.
 */
public final class StrategyTags implements VectorJpaObservations {

	private static final ThreadLocal<Map<String, LongAdder>> COUNTS = new ThreadLocal<>();

	/** Runs {@code work}, counting the strategy tag of each search it makes on this thread into {@code counts}. */
	static <T> T counting(Map<String, LongAdder> counts, Supplier<T> work) {
		COUNTS.set(counts);
		try {
			return work.get();
		}
		finally {
			COUNTS.remove();
		}
	}

	@Override
	public <T> T observe(String name, String entity, @Nullable Metric metric, @Nullable IndexType indexType,
			Supplier<T> work) {
		return work.get();
	}

	@Override
	public <T> T search(String entity, Metric metric, @Nullable IndexType indexType,
			Function<Consumer<String>, T> work) {
		Map<String, LongAdder> counts = COUNTS.get();
		if (counts == null) {
			return work.apply((strategy) -> {
			});
		}
		return work.apply((strategy) -> counts.computeIfAbsent(strategy, (key) -> new LongAdder()).increment());
	}

}
