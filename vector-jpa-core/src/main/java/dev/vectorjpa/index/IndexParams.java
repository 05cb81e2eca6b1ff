package dev.vectorjpa.index;

import java.util.Objects;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Build parameters of a vector index; unset values take the configured defaults.
 *
 * @since 0.1
 */
public final class IndexParams {

	private static final IndexParams DEFAULTS = new IndexParams(null, null, null);

	private final @Nullable Integer m;

	private final @Nullable Integer efConstruction;

	private final @Nullable Integer lists;

	private IndexParams(@Nullable Integer m, @Nullable Integer efConstruction, @Nullable Integer lists) {
		this.m = m;
		this.efConstruction = efConstruction;
		this.lists = lists;
	}

	/**
	 * HNSW parameters.
	 * @param m connections per layer, 2-100
	 * @param efConstruction build candidate list size, 4-1000 and at least {@code 2 * m}
	 */
	public static IndexParams hnsw(int m, int efConstruction) {
		validateHnsw(m, efConstruction);
		return new IndexParams(m, efConstruction, null);
	}

	/**
	 * IVFFlat parameters.
	 * @param lists number of lists, 1-32768
	 */
	public static IndexParams ivfflat(int lists) {
		validateLists(lists);
		return new IndexParams(null, null, lists);
	}

	/** Nothing set: the configured defaults (and the rows/1000 rule for lists). */
	public static IndexParams defaults() {
		return DEFAULTS;
	}

	/** HNSW m, if set. */
	public OptionalInt m() {
		return (this.m != null) ? OptionalInt.of(this.m) : OptionalInt.empty();
	}

	/** HNSW ef_construction, if set. */
	public OptionalInt efConstruction() {
		return (this.efConstruction != null) ? OptionalInt.of(this.efConstruction) : OptionalInt.empty();
	}

	/** IVFFlat lists, if set. */
	public OptionalInt lists() {
		return (this.lists != null) ? OptionalInt.of(this.lists) : OptionalInt.empty();
	}

	/** Checks HNSW ranges: m 2-100, ef_construction 4-1000 and at least 2·m. */
	public static void validateHnsw(int m, int efConstruction) {
		if (m < 2 || m > 100) {
			throw new IllegalArgumentException("HNSW m must be between 2 and 100, got " + m);
		}
		if (efConstruction < 4 || efConstruction > 1000) {
			throw new IllegalArgumentException("HNSW ef_construction must be between 4 and 1000, got " + efConstruction);
		}
		if (efConstruction < 2 * m) {
			throw new IllegalArgumentException("HNSW ef_construction must be at least 2 * m (" + (2 * m) + "), got "
					+ efConstruction);
		}
	}

	/** Checks IVFFlat lists: 1-32768. */
	public static void validateLists(int lists) {
		if (lists < 1 || lists > 32768) {
			throw new IllegalArgumentException("IVFFlat lists must be between 1 and 32768, got " + lists);
		}
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof IndexParams that && Objects.equals(this.m, that.m)
				&& Objects.equals(this.efConstruction, that.efConstruction) && Objects.equals(this.lists, that.lists));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.m, this.efConstruction, this.lists);
	}

	@Override
	public String toString() {
		return "IndexParams[m=" + this.m + ", efConstruction=" + this.efConstruction + ", lists=" + this.lists + "]";
	}

}
