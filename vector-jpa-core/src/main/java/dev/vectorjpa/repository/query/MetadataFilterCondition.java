package dev.vectorjpa.repository.query;

import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.jdbc.MetadataFilterSql;
import dev.vectorjpa.repository.MetadataFilter;

/**
 * A {@link MetadataFilter} rendered for a Hibernate native query: {@link MetadataFilterSql}'s JDBC placeholders
 * renamed to {@code :vjpa_f1, :vjpa_f2, ...} so they mix with the statement's named parameters.
 *
 * @param sql the condition
 * @param values the parameter values in order
 * @since 0.1
 */
public record MetadataFilterCondition(String sql, List<Object> values) {

	/** Renders {@code filter} against {@code column} (a qualified, quoted column). */
	public static MetadataFilterCondition of(MetadataFilter filter, String column) {
		if (filter == null) {
			throw new IllegalArgumentException("MetadataFilter must not be null");
		}
		List<Object> values = new ArrayList<>();
		String jdbc = MetadataFilterSql.render(filter, column, values);
		// every '?' is a placeholder: keys and values are bound, and the renderer writes no '?' operators
		StringBuilder sql = new StringBuilder(jdbc.length() + values.size() * 8);
		int parameter = 0;
		for (int i = 0; i < jdbc.length(); i++) {
			char c = jdbc.charAt(i);
			if (c == '?') {
				sql.append(':').append(NearestQueryExecutor.EXTRA_PARAMETER).append(++parameter);
			}
			else {
				sql.append(c);
			}
		}
		return new MetadataFilterCondition(sql.toString(), values);
	}

}
