package dev.vectorjpa.repository.query;

import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.VectorAttribute;
import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Renders the native SQL of a nearest-neighbour query from a {@link PartTree} of criteria, once, at start-up.
 * <p>
 * The shape is {@code SELECT t.*, t.col <op> cast(:q as type) AS vjpa_distance FROM table t [joins] [WHERE ...]
 * ORDER BY vjpa_distance LIMIT :k}: ordering by the operator expression itself (through its output alias, so the
 * query vector is bound once) is what lets PostgreSQL serve the query from an HNSW or IVFFlat index whose operator
 * class matches {@code <op>}. A threshold becomes {@code distance <= :max} in the {@code WHERE}. Exact searches
 * order by {@code distance + 0}, which no approximate index can serve while B-tree indexes still serve the criteria.
 *
 * @since 0.1
 */
public final class NearestQueryCreator {

	private final EntityColumns columns;

	private final VectorAttribute attribute;

	private final QueryScope scope;

	/**
	 * A creator for queries over {@code attribute} of the entity {@code columns} resolves.
	 * @param scope contributes a mandatory condition to every query (e.g. the current domain)
	 */
	public NearestQueryCreator(EntityColumns columns, VectorAttribute attribute, QueryScope scope) {
		this.columns = columns;
		this.attribute = attribute;
		this.scope = scope;
	}

	/**
	 * Renders the query for {@code tree} (or no criteria when {@code null}).
	 * @throws IllegalArgumentException naming the property or keyword that cannot be rendered
	 */
	public NearestSql create(@Nullable PartTree tree, NearestSql.Threshold threshold) {
		List<CriterionParameter> parameters = new ArrayList<>();
		String criteria = (tree != null) ? criteria(tree, parameters) : "";
		String column = EntityColumns.ROOT_ALIAS + "." + this.attribute.column();
		String distance = column + " " + this.attribute.metric().operator() + " cast(:" + NearestSql.QUERY_PARAMETER
				+ " as " + castType() + ")";
		List<String> conditions = new ArrayList<>();
		if (!criteria.isEmpty()) {
			conditions.add(criteria);
		}
		QueryScope.Condition scoped = this.scope.condition(this.columns);
		if (scoped != null) {
			conditions.add(scoped.sql());
		}
		// what a bounded count of the filtered rows needs: criteria and scope. Without the vector's IS NOT NULL the
		// count can read the criteria's index alone (an index-only scan, no heap visit); rows without a vector only
		// make it count high, and an index branch that then returns fewer than k rows is widened to the exact scan
		String filter = String.join(" AND ", conditions);
		if (this.attribute.nullable()) {
			conditions.add(column + " IS NOT NULL");
		}
		boolean filtered = !criteria.isEmpty();
		if (threshold != NearestSql.Threshold.NONE) {
			conditions.add(distance + " <= :" + NearestSql.MAX_DISTANCE_PARAMETER);
		}
		if (threshold == NearestSql.Threshold.RANGE) {
			conditions.add(distance + " >= :" + NearestSql.MIN_DISTANCE_PARAMETER);
		}
		String select = "SELECT " + EntityColumns.ROOT_ALIAS + ".*, " + distance + " AS " + NearestSql.DISTANCE_COLUMN
				+ " FROM " + this.columns.table() + " " + EntityColumns.ROOT_ALIAS + this.columns.joinClause();
		String limit = " LIMIT :" + NearestSql.LIMIT_PARAMETER;
		// an index scan only serves ORDER BY <column> <op> <value>; adding 0 keeps the order but not the index
		String exactOrder = " ORDER BY (" + distance + ") + 0" + limit;
		String order = " ORDER BY " + NearestSql.DISTANCE_COLUMN + limit;
		return new NearestSql(select, String.join(" AND ", conditions), order, exactOrder, List.copyOf(parameters),
				threshold, this.attribute, scoped, filter, filtered);
	}

	/** {@code SELECT count(*)} over the entity's table with the scope condition, for {@code count(filter)}. */
	public CountSql createCount() {
		QueryScope.Condition scoped = this.scope.condition(this.columns);
		String select = "SELECT count(*) FROM " + this.columns.table() + " " + EntityColumns.ROOT_ALIAS;
		return new CountSql(select, (scoped != null) ? scoped.sql() : "", scoped);
	}

	/**
	 * A count statement.
	 * @param select {@code SELECT count(*) FROM ...}
	 * @param condition the scope condition, empty for none
	 * @param scope the scope condition whose parameters are bound per call, or {@code null}
	 */
	public record CountSql(String select, String condition, QueryScope.@Nullable Condition scope) {

		/** The statement with {@code extraCondition} ANDed to the scope condition. */
		public String sql(String extraCondition) {
			return this.select + " WHERE " + (this.condition.isEmpty() ? "" : this.condition + " AND ")
					+ extraCondition;
		}

	}

	// bit columns need their length: a plain ::bit would truncate the query to one bit
	private String castType() {
		return switch (this.attribute.type()) {
			case BIT -> "bit(" + this.attribute.dimensions() + ")";
			default -> this.attribute.type().sqlName();
		};
	}

	private String criteria(PartTree tree, List<CriterionParameter> parameters) {
		List<String> ors = new ArrayList<>();
		for (PartTree.OrPart or : tree) {
			List<String> ands = new ArrayList<>();
			for (Part part : or) {
				ands.add(predicate(part, parameters));
			}
			ors.add(String.join(" AND ", ands));
		}
		if (ors.size() == 1) {
			return ors.get(0);
		}
		StringBuilder sql = new StringBuilder("(");
		for (int i = 0; i < ors.size(); i++) {
			sql.append((i > 0) ? " OR " : "").append('(').append(ors.get(i)).append(')');
		}
		return sql.append(')').toString();
	}

	private String predicate(Part part, List<CriterionParameter> parameters) {
		String path = part.getProperty().toDotPath();
		EntityColumns.Column column = this.columns.resolve(path);
		boolean ignoreCase = switch (part.shouldIgnoreCase()) {
			case ALWAYS -> true;
			case WHEN_POSSIBLE -> String.class.equals(column.javaType());
			case NEVER -> false;
		};
		if (ignoreCase && !String.class.equals(column.javaType())) {
			throw new IllegalArgumentException("IgnoreCase needs a String property, but '" + path + "' is "
					+ column.javaType().getSimpleName());
		}
		String left = ignoreCase ? "upper(" + column.expression() + ")" : column.expression();
		Part.Type type = part.getType();
		return switch (type) {
			case SIMPLE_PROPERTY -> left + " = " + value(part, column, parameters, ignoreCase);
			case NEGATING_SIMPLE_PROPERTY -> left + " <> " + value(part, column, parameters, ignoreCase);
			case LESS_THAN, BEFORE -> left + " < " + value(part, column, parameters, ignoreCase);
			case LESS_THAN_EQUAL -> left + " <= " + value(part, column, parameters, ignoreCase);
			case GREATER_THAN, AFTER -> left + " > " + value(part, column, parameters, ignoreCase);
			case GREATER_THAN_EQUAL -> left + " >= " + value(part, column, parameters, ignoreCase);
			case BETWEEN -> left + " BETWEEN " + value(part, column, parameters, ignoreCase) + " AND "
					+ value(part, column, parameters, ignoreCase);
			case IS_NULL -> column.expression() + " IS NULL";
			case IS_NOT_NULL -> column.expression() + " IS NOT NULL";
			case TRUE -> column.expression() + " = true";
			case FALSE -> column.expression() + " = false";
			case LIKE, CONTAINING, STARTING_WITH, ENDING_WITH -> left + " LIKE "
					+ value(part, column, parameters, ignoreCase) + " ESCAPE '\\'";
			case NOT_LIKE, NOT_CONTAINING -> left + " NOT LIKE " + value(part, column, parameters, ignoreCase)
					+ " ESCAPE '\\'";
			case IN -> left + " IN (" + value(part, column, parameters, ignoreCase) + ")";
			case NOT_IN -> left + " NOT IN (" + value(part, column, parameters, ignoreCase) + ")";
			default -> throw new IllegalArgumentException("Keyword " + type.name() + " (on '" + path
					+ "') is not supported in nearest queries");
		};
	}

	private String value(Part part, EntityColumns.Column column, List<CriterionParameter> parameters,
			boolean ignoreCase) {
		String name = "p" + (parameters.size() + 1);
		boolean collection = part.getType() == Part.Type.IN || part.getType() == Part.Type.NOT_IN;
		parameters.add(new CriterionParameter(name, part.getProperty().toDotPath(), part.getType(),
				column.jdbcMapping(), collection));
		return ignoreCase ? "upper(:" + name + ")" : ":" + name;
	}

}
