package dev.vectorjpa.benchmarks;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.run.Ingester;
import dev.vectorjpa.benchmarks.run.Searcher;
import dev.vectorjpa.repository.SearchOptions;

/**
 * vector-jpa as a competitor: its repositories in a Spring context of their own, started when this build has the
 * repository support; otherwise every method says why not, and the report prints "not yet available".
 */
public interface OurLibrary extends AutoCloseable {

	/** Why our API cannot run in this build, or {@code null} when it can. */
	@Nullable String unavailableReason();

	/** Why {@code bulkInsert} cannot run, or {@code null} when it can. */
	@Nullable String bulkInsertUnavailableReason();

	/** {@code bulkInsert} into {@code ingest_ours} (384 or 1536 dims), or {@code null}. */
	@Nullable Ingester ingester(Dataset dataset);

	/** The inherited {@code findNearest(query, k, options)} over a data set's search table, or {@code null}. */
	@Nullable Searcher searcher(Dataset dataset, SearchOptions options);

	/** The derived {@code findNearestByCategory(query, category, k, options)} over the 384-dim table, or {@code null}. */
	@Nullable Searcher filteredSearcher(String category, SearchOptions options);

	/**
	 * {@code findNearest(query, k)} with {@code vector-jpa.binary-transfer=true}, on a pool of its own (the setting
	 * changes the connections it uses), or {@code null}.
	 */
	default @Nullable Searcher binaryTransferSearcher(Dataset dataset) {
		return null;
	}

	/** The derived {@code findNearestBySection(query, section, k)} over the real-text table, or {@code null}. */
	default @Nullable Searcher sectionSearcher(String section) {
		return null;
	}

	/**
	 * The derived {@code findNearestBySection(query, section, k, options)} ({@code findNearestBySectionNot} when
	 * {@code negated}) over the real-text table, named {@code name}, counting the filter strategy each call ran; or
	 * {@code null}.
	 */
	default @Nullable StrategySearcher filteredSectionSearcher(String name, String section, boolean negated,
			SearchOptions options) {
		return null;
	}

	/** A vector-jpa searcher that counts which filter strategy its calls ran. */
	interface StrategySearcher extends Searcher {

		/**
		 * Calls per strategy since the last {@link #resetStrategies()}: the values of the search observation's
		 * {@code vector-jpa.search.strategy} tag ({@code auto-exact}, {@code auto-index}, ...).
		 */
		Map<String, Long> strategies();

		/** Forgets the calls counted so far. */
		void resetStrategies();

	}

	@Override
	void close();

	/** Starts vector-jpa's context when this build has it (class {@code dev.vectorjpa.benchmarks.ours.VectorJpaLibrary}). */
	static OurLibrary start(BenchDatabase db) {
		String reason;
		try {
			Class<?> type = Class.forName("dev.vectorjpa.benchmarks.ours.VectorJpaLibrary");
			return (OurLibrary) type.getConstructor(BenchDatabase.class).newInstance(db);
		}
		catch (ClassNotFoundException ex) {
			reason = "not yet available: this build has no vector-jpa repository support";
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			reason = "not available: vector-jpa context failed to start: " + cause;
			System.out.println("  " + reason);
		}
		String why = reason;
		return new OurLibrary() {

			@Override
			public String unavailableReason() {
				return why;
			}

			@Override
			public String bulkInsertUnavailableReason() {
				return why;
			}

			@Override
			public Ingester ingester(Dataset dataset) {
				return null;
			}

			@Override
			public Searcher searcher(Dataset dataset, SearchOptions options) {
				return null;
			}

			@Override
			public Searcher filteredSearcher(String category, SearchOptions options) {
				return null;
			}

			@Override
			public void close() {
			}

		};
	}

}
