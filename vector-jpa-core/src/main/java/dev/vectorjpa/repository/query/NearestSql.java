package dev.vectorjpa.repository.query;

import java.util.List;

import dev.vectorjpa.hibernate.VectorAttribute;
import org.jspecify.annotations.Nullable;

/**
 * A nearest-neighbour statement rendered once at start-up, with the criteria parameters it binds per call.
 *
 * @param select {@code SELECT ... FROM ...} up to, not including, {@code WHERE}
 * @param condition the {@code WHERE} condition without the keyword, empty for none
 * @param orderAndLimit {@code ORDER BY ... LIMIT ...}, index-usable
 * @param exactOrderAndLimit the same order in a form no approximate index can serve, for exact searches
 * @param criteria the criteria parameters in order of their method arguments
 * @param threshold how a similarity threshold is bound
 * @param attribute the searched vector attribute
 * @param scope the scope condition included in {@code condition}, whose parameters are bound per call, or
 * {@code null}
 * @param filter the part of {@code condition} that selects rows by criteria and scope, without the vector's
 * not-null check and a distance threshold; empty for none
 * @param filtered whether criteria restrict the rows (what makes an approximate index miss rows); a scope may too,
 * per call ({@link QueryScope.Condition#restricts})
 * @since 0.1
 */
public record NearestSql(String select, String condition, String orderAndLimit, String exactOrderAndLimit,
		List<CriterionParameter> criteria, Threshold threshold, VectorAttribute attribute,
		QueryScope.@Nullable Condition scope, String filter, boolean filtered) {

	/** {@code FROM ...} of {@link #select()}: the table, its alias and joins. */
	public String from() {
		return this.select.substring(this.select.lastIndexOf(" FROM "));
	}

	/** Parameter holding the query vector (as pgvector text). */
	public static final String QUERY_PARAMETER = "vjpa_query";

	/** Parameter holding the row count. */
	public static final String LIMIT_PARAMETER = "vjpa_limit";

	/** Parameter holding the largest distance a similarity threshold allows. */
	public static final String MAX_DISTANCE_PARAMETER = "vjpa_max_distance";

	/** Parameter holding the smallest distance a similarity range allows. */
	public static final String MIN_DISTANCE_PARAMETER = "vjpa_min_distance";

	/** Result column holding the distance. */
	public static final String DISTANCE_COLUMN = "vjpa_distance";

	/** The whole statement. */
	public String sql() {
		return sql(false);
	}

	/** The whole statement, exact (no approximate index) or not. */
	public String sql(boolean exact) {
		return this.select + (this.condition.isEmpty() ? "" : " WHERE " + this.condition)
				+ (exact ? this.exactOrderAndLimit : this.orderAndLimit);
	}

	/** The statement text for a call, exact or not. */
	@FunctionalInterface
	public interface Text {

		/** The text. */
		String sql(boolean exact);

	}

	/** How a similarity threshold parameter turns into distance bounds. */
	public enum Threshold {

		/** No threshold. */
		NONE,

		/** A minimum similarity ({@code Score}/{@code Similarity}): one maximum distance. */
		MINIMUM,

		/** A {@code Range<Similarity>}: a maximum and a minimum distance. */
		RANGE

	}

}
