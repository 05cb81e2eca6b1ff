package dev.vectorjpa.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An immutable filter over the keys of a JSON metadata attribute, built with static factories and rendered as SQL
 * with bound parameters. Keys use dots for nesting ({@code "author.name"}).
 * <p>
 * {@code eq} uses JSONB containment ({@code @>}, served by a GIN index); {@code ne} and {@code nin} also match rows
 * where the key is missing; the range comparisons match only values of the same JSON type as the bound value.
 *
 * @since 0.1
 */
public sealed interface MetadataFilter {

	/** Key equals value. */
	static MetadataFilter eq(String key, Object value) {
		return new Comparison(Operator.EQ, path(key), requireValue(key, value));
	}

	/** Key differs from value, or is missing. */
	static MetadataFilter ne(String key, Object value) {
		return new Comparison(Operator.NE, path(key), requireValue(key, value));
	}

	/** Key greater than value (same JSON type). */
	static MetadataFilter gt(String key, Object value) {
		return new Comparison(Operator.GT, path(key), requireScalar(key, value));
	}

	/** Key greater than or equal to value (same JSON type). */
	static MetadataFilter gte(String key, Object value) {
		return new Comparison(Operator.GTE, path(key), requireScalar(key, value));
	}

	/** Key less than value (same JSON type). */
	static MetadataFilter lt(String key, Object value) {
		return new Comparison(Operator.LT, path(key), requireScalar(key, value));
	}

	/** Key less than or equal to value (same JSON type). */
	static MetadataFilter lte(String key, Object value) {
		return new Comparison(Operator.LTE, path(key), requireScalar(key, value));
	}

	/** Key equals one of the values. */
	static MetadataFilter in(String key, Collection<?> values) {
		return new Comparison(Operator.IN, path(key), List.copyOf(requireValues(key, values)));
	}

	/** Key equals none of the values, or is missing. */
	static MetadataFilter nin(String key, Collection<?> values) {
		return new Comparison(Operator.NIN, path(key), List.copyOf(requireValues(key, values)));
	}

	/** Key is present (even with a JSON null). */
	static MetadataFilter exists(String key) {
		return new Comparison(Operator.EXISTS, path(key), null);
	}

	/** All of the filters hold. */
	static MetadataFilter and(MetadataFilter... filters) {
		return new Junction(true, requireFilters("and", filters));
	}

	/** At least one of the filters holds. */
	static MetadataFilter or(MetadataFilter... filters) {
		return new Junction(false, requireFilters("or", filters));
	}

	/** The filter does not hold. */
	static MetadataFilter not(MetadataFilter filter) {
		if (filter == null) {
			throw new IllegalArgumentException("MetadataFilter.not needs a filter, got null");
		}
		return new Negation(filter);
	}

	/** Comparison operators. */
	enum Operator {

		/** Equal. */
		EQ,
		/** Not equal (or missing). */
		NE,
		/** Greater than. */
		GT,
		/** Greater than or equal. */
		GTE,
		/** Less than. */
		LT,
		/** Less than or equal. */
		LTE,
		/** One of. */
		IN,
		/** None of (or missing). */
		NIN,
		/** Present. */
		EXISTS

	}

	/**
	 * One key compared with a value.
	 * @param operator the comparison
	 * @param path the key split at dots
	 * @param value the value (a list for IN/NIN, null for EXISTS)
	 */
	record Comparison(Operator operator, List<String> path, @Nullable Object value) implements MetadataFilter {

		/** The dotted key. */
		public String key() {
			return String.join(".", this.path);
		}

	}

	/**
	 * Filters combined with AND or OR.
	 * @param and whether this is a conjunction
	 * @param filters the operands
	 */
	record Junction(boolean and, List<MetadataFilter> filters) implements MetadataFilter {
	}

	/**
	 * A negated filter.
	 * @param filter the operand
	 */
	record Negation(MetadataFilter filter) implements MetadataFilter {
	}

	/** Keys: dot-separated segments of letters, digits, {@code _}, {@code -}, {@code $} or spaces. */
	Pattern KEY_SEGMENT = Pattern.compile("[\\p{L}\\p{N}_\\-$ ]{1,255}");

	private static List<String> path(String key) {
		if (key == null || key.isEmpty()) {
			throw new IllegalArgumentException("Metadata filter key must not be empty");
		}
		List<String> segments = new ArrayList<>();
		for (String segment : key.split("\\.", -1)) {
			if (!KEY_SEGMENT.matcher(segment).matches()) {
				throw new IllegalArgumentException("Invalid metadata filter key '" + key
						+ "': segments separated by '.' may hold letters, digits, '_', '-', '$' and spaces");
			}
			segments.add(segment);
		}
		return List.copyOf(segments);
	}

	private static Object requireValue(String key, @Nullable Object value) {
		if (value == null) {
			throw new IllegalArgumentException("Metadata filter value for key '" + key
					+ "' must not be null; use exists/not(exists) to test presence");
		}
		// JSON has no NaN or infinity: such a value would be written as a string and match every number
		if ((value instanceof Double d && !Double.isFinite(d))
				|| (value instanceof Float f && !Float.isFinite(f))) {
			throw new IllegalArgumentException("Metadata filter value for key '" + key + "' must be a finite number, got "
					+ value);
		}
		return value;
	}

	private static Object requireScalar(String key, @Nullable Object value) {
		requireValue(key, value);
		if (!(value instanceof Number || value instanceof CharSequence || value instanceof Boolean)) {
			throw new IllegalArgumentException("Metadata filter range comparison for key '" + key
					+ "' needs a number, string or boolean, got " + value.getClass().getName());
		}
		return value;
	}

	private static Collection<?> requireValues(String key, @Nullable Collection<?> values) {
		if (values == null || values.isEmpty()) {
			throw new IllegalArgumentException("Metadata filter in/nin for key '" + key
					+ "' needs at least one value");
		}
		values.forEach((value) -> requireValue(key, value));
		return values;
	}

	private static List<MetadataFilter> requireFilters(String operator, MetadataFilter[] filters) {
		if (filters == null || filters.length == 0) {
			throw new IllegalArgumentException("MetadataFilter." + operator + " needs at least one filter");
		}
		for (MetadataFilter filter : filters) {
			Objects.requireNonNull(filter, () -> "MetadataFilter." + operator + " got a null filter");
		}
		return List.of(filters);
	}

}
