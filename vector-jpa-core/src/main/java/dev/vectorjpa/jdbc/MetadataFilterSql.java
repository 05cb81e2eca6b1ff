package dev.vectorjpa.jdbc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.MetadataFilter.Comparison;
import dev.vectorjpa.repository.MetadataFilter.Junction;
import dev.vectorjpa.repository.MetadataFilter.Negation;

/**
 * Renders a {@link MetadataFilter} as a SQL condition on a {@code jsonb} column; every key and value is a bound
 * parameter (appended, as text, to the list given).
 *
 * @since 0.1
 */
public final class MetadataFilterSql {

	private MetadataFilterSql() {
	}

	/**
	 * Renders {@code filter} against {@code column} (an already quoted SQL expression).
	 * @param parameters receives the parameter values in order
	 * @return a parenthesised SQL condition
	 */
	public static String render(MetadataFilter filter, String column, List<Object> parameters) {
		if (filter instanceof Junction junction) {
			StringBuilder sql = new StringBuilder("(");
			String separator = junction.and() ? " AND " : " OR ";
			for (int i = 0; i < junction.filters().size(); i++) {
				if (i > 0) {
					sql.append(separator);
				}
				sql.append(render(junction.filters().get(i), column, parameters));
			}
			return sql.append(')').toString();
		}
		if (filter instanceof Negation negation) {
			// a missing key makes comparisons NULL: count it as "does not match" before negating, so that
			// not(gt(k, v)) also matches rows without k, like ne and nin do
			return "(NOT coalesce(" + render(negation.filter(), column, parameters) + ", false))";
		}
		return comparison((Comparison) filter, column, parameters);
	}

	private static String comparison(Comparison comparison, String column, List<Object> parameters) {
		String path = pathLiteral(comparison.path());
		String extract = "(" + column + " #> cast(? as text[]))";
		switch (comparison.operator()) {
			case EQ -> {
				parameters.add(JsonValues.write(nest(comparison.path(), comparison.value())));
				return "(" + column + " @> cast(? as jsonb))";
			}
			case NE -> {
				parameters.add(JsonValues.write(nest(comparison.path(), comparison.value())));
				return "(NOT coalesce(" + column + " @> cast(? as jsonb), false))";
			}
			case GT, GTE, LT, LTE -> {
				parameters.add(path);
				parameters.add(jsonType(comparison.value()));
				parameters.add(path);
				parameters.add(JsonValues.write(comparison.value()));
				return "(jsonb_typeof" + extract + " = ? AND " + extract + " " + sqlOperator(comparison.operator())
						+ " cast(? as jsonb))";
			}
			case IN, NIN -> {
				parameters.add(JsonValues.write(comparison.value()));
				parameters.add(path);
				String exists = "EXISTS (SELECT 1 FROM jsonb_array_elements(cast(? as jsonb)) AS v(e) WHERE v.e = " + extract
						+ ")";
				return (comparison.operator() == MetadataFilter.Operator.IN) ? "(" + exists + ")"
						: "(NOT " + exists + ")";
			}
			case EXISTS -> {
				parameters.add(path);
				return "(" + extract + " IS NOT NULL)";
			}
			default -> throw new IllegalStateException("Unknown operator " + comparison.operator());
		}
	}

	private static String sqlOperator(MetadataFilter.Operator operator) {
		return switch (operator) {
			case GT -> ">";
			case GTE -> ">=";
			case LT -> "<";
			case LTE -> "<=";
			default -> throw new IllegalStateException("Not a range operator: " + operator);
		};
	}

	private static String jsonType(Object value) {
		if (value instanceof Number) {
			return "number";
		}
		return (value instanceof Boolean) ? "boolean" : "string";
	}

	// {"a":{"b":value}} for containment of a nested key
	private static Object nest(List<String> path, Object value) {
		Object nested = value;
		for (int i = path.size() - 1; i >= 0; i--) {
			Map<String, Object> level = new LinkedHashMap<>();
			level.put(path.get(i), nested);
			nested = Collections.unmodifiableMap(level);
		}
		return nested;
	}

	// PostgreSQL array literal of the path segments, each double-quoted (segments are validated: no quotes inside)
	private static String pathLiteral(List<String> path) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < path.size(); i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append('"').append(path.get(i)).append('"');
		}
		return literal.append('}').toString();
	}

}
