package dev.vectorjpa.repository.query;

import org.hibernate.metamodel.mapping.JdbcMapping;
import org.springframework.data.repository.query.parser.Part;

/**
 * One bound value of a derived criterion.
 *
 * @param name the SQL parameter name
 * @param property the dotted property path, for error messages
 * @param type the criterion keyword (decides LIKE wrapping and collection binding)
 * @param jdbcMapping how Hibernate binds values of the property
 * @param collection whether the value is a collection ({@code In}/{@code NotIn})
 * @since 0.1
 */
public record CriterionParameter(String name, String property, Part.Type type, JdbcMapping jdbcMapping,
		boolean collection) {

	/** The value to bind for {@code argument}: LIKE patterns get their wildcards, with the user's escaped. */
	public Object bindValue(Object argument) {
		return switch (this.type) {
			case CONTAINING, NOT_CONTAINING -> "%" + escape(argument) + "%";
			case STARTING_WITH -> escape(argument) + "%";
			case ENDING_WITH -> "%" + escape(argument);
			default -> argument;
		};
	}

	private static String escape(Object value) {
		return value.toString().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
