package dev.vectorjpa.repository.query;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.repository.SearchOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * A derived nearest query: SQL, argument positions and result shape fixed at start-up; per call it converts the
 * query vector, picks the arguments and runs the statement.
 *
 * @since 0.1
 */
public final class PartTreeNearestQuery implements RepositoryQuery {

	private final NearestQueryMethod method;

	private final NearestSql nearest;

	private final NearestSql.Text sql;

	private final @Nullable PartialIndexMatch partialIndex;

	private final NearestQueryExecutor executor;

	private final NearestExecution execution;

	private final @Nullable Function<String, float[]> textEmbedding;

	/** A query for {@code method} running {@code nearest}. */
	public PartTreeNearestQuery(NearestQueryMethod method, NearestSql nearest, NearestQueryExecutor executor,
			NearestExecution execution) {
		this(method, nearest, executor, execution, null);
	}

	/** A query for {@code method} running {@code nearest}, whose query text {@code textEmbedding} embeds once. */
	public PartTreeNearestQuery(NearestQueryMethod method, NearestSql nearest, NearestQueryExecutor executor,
			NearestExecution execution, @Nullable Function<String, float[]> textEmbedding) {
		this.textEmbedding = textEmbedding;
		this.method = method;
		this.nearest = nearest;
		this.sql = FilteredNearestSql.of(nearest);
		this.partialIndex = PartialIndexMatch.of(nearest);
		this.executor = executor;
		this.execution = execution;
	}

	@Override
	public Object execute(Object[] parameters) {
		VectorAttribute attribute = this.nearest.attribute();
		Object vector = (this.textEmbedding != null && parameters[0] instanceof String text)
				? this.textEmbedding.apply(text) : parameters[0];
		Object query = QueryVectors.toBindValue(vector, attribute);
		NearestParameters layout = this.method.getParameters();
		int criteriaCount = layout.getCriteriaCount();
		Object[] criteria = (criteriaCount == 0) ? parameters
				: Arrays.copyOfRange(parameters, 1, 1 + criteriaCount);
		Object threshold = (layout.getThresholdIndex() >= 0) ? parameters[layout.getThresholdIndex()] : null;
		int limit = limit(parameters[layout.getCountIndex()]);
		SearchOptions options = SearchOptions.none();
		if (layout.getOptionsIndex() >= 0) {
			Object value = parameters[layout.getOptionsIndex()];
			options = (value != null) ? (SearchOptions) value : SearchOptions.none();
		}
		NearestSql.Text sql = (this.partialIndex != null && this.partialIndex.matches(criteria[0]))
				? this.partialIndex.statements() : this.sql;
		return this.execution.execute(this.executor.search(this.nearest, sql, query, criteria, threshold, limit,
				options, List.of()));
	}

	private int limit(Object value) {
		if (value instanceof Limit limit) {
			if (limit.isUnlimited()) {
				throw new IllegalArgumentException(this.method.getName()
						+ " needs a limited number of results, got Limit.unlimited()");
			}
			return limit.max();
		}
		if (value == null) {
			throw new IllegalArgumentException(this.method.getName() + " needs the number of results, got null");
		}
		return (Integer) value;
	}

	@Override
	public NearestQueryMethod getQueryMethod() {
		return this.method;
	}

}
