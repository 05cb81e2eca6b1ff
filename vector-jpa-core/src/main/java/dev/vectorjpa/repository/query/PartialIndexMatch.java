package dev.vectorjpa.repository.query;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.mapping.VectorIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.query.parser.Part;

/**
 * A partial vector index ({@code @VectorIndex(where = "column = literal")}) that can serve a derived query whose one
 * criterion is equality on that column: called with the index's literal, every row of the index matches, so the
 * index answers with no row filtered away. The statement repeats the predicate literally ({@code AND (where)}) so that
 * the planner can prove the index applies even in a generic plan, where the criterion's value is a parameter.
 * Predicates of other forms are used by the planner as it sees fit, but not preferred here.
 *
 * @since 0.1
 */
public final class PartialIndexMatch {

	private static final Pattern EQUALITY = Pattern.compile(
			"\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s*=\\s*('(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?|true|false)\\s*",
			Pattern.CASE_INSENSITIVE);

	private final String literal;

	private final boolean quoted;

	private final FilteredNearestSql statements;

	private PartialIndexMatch(String literal, boolean quoted, FilteredNearestSql statements) {
		this.literal = literal;
		this.quoted = quoted;
		this.statements = statements;
	}

	/** The match of {@code nearest}'s criteria with its attribute's partial index, or {@code null} for none. */
	public static @Nullable PartialIndexMatch of(NearestSql nearest) {
		VectorIndex index = nearest.attribute().index();
		if (index == null || index.where().isBlank() || nearest.criteria().size() != 1
				|| nearest.criteria().get(0).type() != Part.Type.SIMPLE_PROPERTY) {
			return null;
		}
		Matcher matcher = EQUALITY.matcher(index.where());
		if (!matcher.matches()) {
			return null;
		}
		String criterion = EntityColumns.ROOT_ALIAS + "." + matcher.group(1).toLowerCase(Locale.ROOT) + " = :"
				+ nearest.criteria().get(0).name();
		String filter = nearest.filter().toLowerCase(Locale.ROOT).replace("\"", "");
		if (!filter.equals(criterion) && !filter.startsWith(criterion + " and ")) {
			return null;
		}
		String value = matcher.group(2);
		boolean quoted = value.startsWith("'");
		String literal = quoted ? value.substring(1, value.length() - 1).replace("''", "'") : value;
		return new PartialIndexMatch(literal, quoted,
				FilteredNearestSql.partialIndex(nearest, "(" + index.where().trim() + ")"));
	}

	/** Whether {@code value}, the criterion's argument, is the index's literal. */
	public boolean matches(@Nullable Object value) {
		if (value == null) {
			return false;
		}
		if (this.quoted || value instanceof CharSequence || value instanceof Enum<?>) {
			return this.quoted && this.literal.equals((value instanceof Enum<?> e) ? e.name() : value.toString());
		}
		if (value instanceof Boolean) {
			return this.literal.equalsIgnoreCase(value.toString());
		}
		try {
			return new BigDecimal(this.literal).compareTo(new BigDecimal(value.toString())) == 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** The statements over the partial index. */
	public FilteredNearestSql statements() {
		return this.statements;
	}

}
