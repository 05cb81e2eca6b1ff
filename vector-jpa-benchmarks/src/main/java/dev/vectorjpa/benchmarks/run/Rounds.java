package dev.vectorjpa.benchmarks.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Interleaved timed runs: at each thread count, {@code rounds} short runs per searcher, the order rotating each round,
 * merged per searcher. A drift of a shared machine (autovacuum, checkpoints, the JIT, other users) then spreads over
 * every searcher instead of landing on one.
 */
public final class Rounds {

	private Rounds() {
	}

	/**
	 * Measures every searcher (with the runner {@code runnerOf} gives it) at every thread count; warm-up queries in
	 * the first round only; results by searcher name, then thread count.
	 */
	public static Map<String, Map<Integer, Measurement>> interleaved(List<Searcher> searchers,
			Function<Searcher, LoadRunner> runnerOf, int[] threadCounts, int rounds, int warmup, double seconds)
			throws Exception {
		Map<String, Map<Integer, Measurement>> results = new LinkedHashMap<>();
		for (int threads : threadCounts) {
			Map<String, List<Measurement>> runs = new LinkedHashMap<>();
			for (int round = 0; round < rounds; round++) {
				for (int i = 0; i < searchers.size(); i++) {
					Searcher searcher = searchers.get((i + round) % searchers.size());
					Measurement m = runnerOf.apply(searcher).run(searcher, threads, (round == 0) ? warmup : 0,
							seconds / rounds, Long.MAX_VALUE);
					runs.computeIfAbsent(searcher.name(), (k) -> new ArrayList<>()).add(m);
				}
			}
			for (Searcher searcher : searchers) {
				results.computeIfAbsent(searcher.name(), (k) -> new LinkedHashMap<>())
					.put(threads, Measurement.merge(runs.get(searcher.name())));
			}
		}
		return results;
	}

}
