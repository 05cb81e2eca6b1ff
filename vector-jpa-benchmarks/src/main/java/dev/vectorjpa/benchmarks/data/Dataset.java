package dev.vectorjpa.benchmarks.data;

import java.util.UUID;

import dev.vectorjpa.Metric;

/**
 * Base vectors, query vectors and per-row categories of one benchmark data set, all in memory.
 *
 * @param name short name used for table and cache file names
 * @param metric the distance the data set is searched with
 * @param base the rows, row {@code i} stored with id {@link #id(int) id(i)}
 * @param queries the query vectors
 * @param categories per-row category ({@link #CATEGORIES}), or {@code null} when the data set has none
 * @since 0.1
 */
public record Dataset(String name, Metric metric, float[][] base, float[][] queries, String[] categories) {

	/** Categories with the selectivity in their name: 50%, 10% and 1% of the rows, the rest "other". */
	public static final String[] CATEGORIES = { "c50", "c10", "c1" };

	/** The dimension count. */
	public int dimensions() {
		return this.base[0].length;
	}

	/** The number of rows. */
	public int size() {
		return this.base.length;
	}

	/** The id row {@code index} is stored with: a UUID whose low bits are the index, so results map back to rows. */
	public static UUID id(int index) {
		return new UUID(0L, index);
	}

	/** The row index of an id made by {@link #id(int)}. */
	public static int index(UUID id) {
		return (int) id.getLeastSignificantBits();
	}

	/** The row index of an id given as text. */
	public static int index(String id) {
		return index(UUID.fromString(id));
	}

	/** A copy limited to the first {@code rows} rows and {@code queryCount} queries. */
	public Dataset limit(int rows, int queryCount) {
		float[][] b = java.util.Arrays.copyOf(this.base, Math.min(rows, this.base.length));
		float[][] q = java.util.Arrays.copyOf(this.queries, Math.min(queryCount, this.queries.length));
		String[] c = (this.categories != null) ? java.util.Arrays.copyOf(this.categories, b.length) : null;
		return new Dataset(this.name, this.metric, b, q, c);
	}

}
