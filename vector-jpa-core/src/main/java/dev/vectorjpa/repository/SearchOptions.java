package dev.vectorjpa.repository;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Immutable per-query search tuning, applied with {@code SET LOCAL} inside the query's transaction. Unset values fall
 * back to {@code vector-jpa.search.*}, then to the server's own defaults.
 *
 * @since 0.1
 */
public final class SearchOptions {

	private static final SearchOptions NONE = new Builder().build();

	private final @Nullable Integer efSearch;

	private final @Nullable Integer probes;

	private final @Nullable IterativeScan iterativeScan;

	private final @Nullable Integer maxScanTuples;

	private final @Nullable Boolean exact;

	private final @Nullable FilterStrategy filterStrategy;

	private SearchOptions(Builder builder) {
		this.efSearch = builder.efSearch;
		this.probes = builder.probes;
		this.iterativeScan = builder.iterativeScan;
		this.maxScanTuples = builder.maxScanTuples;
		this.exact = builder.exact;
		this.filterStrategy = builder.filterStrategy;
	}

	/** Options with nothing set. */
	public static SearchOptions none() {
		return NONE;
	}

	/** A builder with nothing set. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder starting from these options. */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.efSearch = this.efSearch;
		builder.probes = this.probes;
		builder.iterativeScan = this.iterativeScan;
		builder.maxScanTuples = this.maxScanTuples;
		builder.exact = this.exact;
		builder.filterStrategy = this.filterStrategy;
		return builder;
	}

	/** These options, with unset values taken from {@code defaults}. */
	public SearchOptions withDefaults(SearchOptions defaults) {
		Builder builder = toBuilder();
		if (builder.efSearch == null) {
			builder.efSearch = defaults.efSearch;
		}
		if (builder.probes == null) {
			builder.probes = defaults.probes;
		}
		if (builder.iterativeScan == null) {
			builder.iterativeScan = defaults.iterativeScan;
		}
		if (builder.maxScanTuples == null) {
			builder.maxScanTuples = defaults.maxScanTuples;
		}
		if (builder.exact == null) {
			builder.exact = defaults.exact;
		}
		if (builder.filterStrategy == null) {
			builder.filterStrategy = defaults.filterStrategy;
		}
		return builder.build();
	}

	/** HNSW {@code hnsw.ef_search}: candidate list size while searching. */
	public OptionalInt efSearch() {
		return (this.efSearch != null) ? OptionalInt.of(this.efSearch) : OptionalInt.empty();
	}

	/** IVFFlat {@code ivfflat.probes}: lists visited per query. */
	public OptionalInt probes() {
		return (this.probes != null) ? OptionalInt.of(this.probes) : OptionalInt.empty();
	}

	/** Iterative index scan mode ({@code hnsw.iterative_scan} / {@code ivfflat.iterative_scan}). */
	public Optional<IterativeScan> iterativeScan() {
		return Optional.ofNullable(this.iterativeScan);
	}

	/** HNSW {@code hnsw.max_scan_tuples}: tuples an iterative scan may visit. */
	public OptionalInt maxScanTuples() {
		return (this.maxScanTuples != null) ? OptionalInt.of(this.maxScanTuples) : OptionalInt.empty();
	}

	/** Whether to bypass approximate indexes and scan exactly. */
	public boolean exact() {
		return Boolean.TRUE.equals(this.exact);
	}

	/** Whether {@link #exact()} was set explicitly (true or false). */
	public boolean isExactSet() {
		return this.exact != null;
	}

	/** How a filtered search uses the vector index; {@link FilterStrategy#AUTO} when unset. */
	public FilterStrategy filterStrategy() {
		return (this.filterStrategy != null) ? this.filterStrategy : FilterStrategy.AUTO;
	}

	/** Whether nothing is set. */
	public boolean isEmpty() {
		return this.efSearch == null && this.probes == null && this.iterativeScan == null
				&& this.maxScanTuples == null && this.exact == null && this.filterStrategy == null;
	}

	/**
	 * Whether any server setting ({@code SET LOCAL}) is set: {@link #exact()} and {@link #filterStrategy()} choose the
	 * statement, not a setting, so they alone need no transaction.
	 */
	public boolean hasServerSettings() {
		return this.efSearch != null || this.probes != null || this.iterativeScan != null
				|| this.maxScanTuples != null;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SearchOptions that && Objects.equals(this.efSearch, that.efSearch)
				&& Objects.equals(this.probes, that.probes) && this.iterativeScan == that.iterativeScan
				&& Objects.equals(this.maxScanTuples, that.maxScanTuples) && Objects.equals(this.exact, that.exact)
				&& this.filterStrategy == that.filterStrategy);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.efSearch, this.probes, this.iterativeScan, this.maxScanTuples, this.exact,
				this.filterStrategy);
	}

	@Override
	public String toString() {
		return "SearchOptions[efSearch=" + this.efSearch + ", probes=" + this.probes + ", iterativeScan="
				+ this.iterativeScan + ", maxScanTuples=" + this.maxScanTuples + ", exact=" + this.exact + ", filterStrategy=" + this.filterStrategy + "]";
	}

	/** pgvector's iterative index scan modes (0.8+). */
	public enum IterativeScan {

		/** No iterative scan: a filtered query may return fewer than k rows. */
		OFF("off"),

		/** Scan on until enough rows pass the filter, results in exact distance order (HNSW only). */
		STRICT_ORDER("strict_order"),

		/** Scan on until enough rows pass the filter, results may be slightly out of order. */
		RELAXED_ORDER("relaxed_order");

		private final String setting;

		IterativeScan(String setting) {
			this.setting = setting;
		}

		/** The value of the server setting. */
		public String setting() {
			return this.setting;
		}

	}

	/**
	 * How a filtered search (criteria, a metadata filter, a domain) finds its rows: an approximate index only returns
	 * the rows near the query, which a filter may then discard.
	 */
	public enum FilterStrategy {

		/**
		 * Per call: an exact scan of the filtered rows when a bounded count says they are few, else the vector index
		 * with an iterative scan, falling back to the exact scan when the index returns fewer than k rows.
		 */
		AUTO,

		/** Always the vector index (with an iterative scan unless set otherwise): fastest, may miss rows. */
		INDEX,

		/** Always an exact scan of the filtered rows: every row right, cost grows with the rows that match. */
		EXACT

	}

	/** Builds {@link SearchOptions}; every value is validated when set. */
	public static final class Builder {

		private @Nullable Integer efSearch;

		private @Nullable Integer probes;

		private @Nullable IterativeScan iterativeScan;

		private @Nullable Integer maxScanTuples;

		private @Nullable Boolean exact;

		private @Nullable FilterStrategy filterStrategy;

		private Builder() {
		}

		/** HNSW candidate list size, 1-1000. */
		public Builder efSearch(int efSearch) {
			this.efSearch = range("efSearch", efSearch, 1, 1000);
			return this;
		}

		/** IVFFlat lists to probe, 1-32768. */
		public Builder probes(int probes) {
			this.probes = range("probes", probes, 1, 32768);
			return this;
		}

		/** Iterative scan mode. */
		public Builder iterativeScan(IterativeScan iterativeScan) {
			if (iterativeScan == null) {
				throw new IllegalArgumentException("iterativeScan must not be null");
			}
			this.iterativeScan = iterativeScan;
			return this;
		}

		/** Most tuples an HNSW iterative scan visits, at least 1. */
		public Builder maxScanTuples(int maxScanTuples) {
			this.maxScanTuples = range("maxScanTuples", maxScanTuples, 1, Integer.MAX_VALUE);
			return this;
		}

		/** Whether to scan exactly, ignoring approximate indexes. */
		public Builder exact(boolean exact) {
			this.exact = exact;
			return this;
		}

		/** How filtered searches use the vector index ({@link FilterStrategy#AUTO} when unset). */
		public Builder filterStrategy(FilterStrategy filterStrategy) {
			if (filterStrategy == null) {
				throw new IllegalArgumentException("filterStrategy must not be null");
			}
			this.filterStrategy = filterStrategy;
			return this;
		}

		/** The options. */
		public SearchOptions build() {
			return new SearchOptions(this);
		}

		private static int range(String name, int value, int min, int max) {
			if (value < min || value > max) {
				throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
			}
			return value;
		}

	}

}
