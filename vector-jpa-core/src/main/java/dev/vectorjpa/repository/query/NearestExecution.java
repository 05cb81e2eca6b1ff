package dev.vectorjpa.repository.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.vectorjpa.Metric;
import dev.vectorjpa.repository.Nearest;
import org.springframework.data.domain.ScoringFunction;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;

/**
 * Turns the rows of a nearest query into the method's result shape; one implementation per shape, chosen at
 * start-up.
 *
 * @since 0.1
 */
public abstract class NearestExecution {

	/** The execution for {@code shape}, converting each entity with {@code converter} (identity for entities). */
	public static NearestExecution of(NearestResultShape shape, Function<Object, Object> converter, Metric metric) {
		return switch (shape.container()) {
			case SEARCH_RESULTS -> new SearchResultsExecution(converter, scoringFunction(metric));
			case STREAM -> new StreamExecution(shape.nearest() ? new NearestListExecution(converter)
					: new EntityListExecution(converter));
			case LIST -> shape.nearest() ? new NearestListExecution(converter) : new EntityListExecution(converter);
		};
	}

	/** The result for {@code rows} (nearest first). */
	public abstract Object execute(List<Nearest<Object>> rows);

	private static ScoringFunction scoringFunction(Metric metric) {
		return switch (metric) {
			case COSINE -> ScoringFunction.cosine();
			case EUCLIDEAN -> ScoringFunction.euclidean();
			case INNER_PRODUCT -> ScoringFunction.dotProduct();
			default -> ScoringFunction.unspecified();
		};
	}

	/** {@code List<Nearest<T>>}. */
	static final class NearestListExecution extends NearestExecution {

		private final Function<Object, Object> converter;

		NearestListExecution(Function<Object, Object> converter) {
			this.converter = converter;
		}

		@Override
		public Object execute(List<Nearest<Object>> rows) {
			if (this.converter == IDENTITY) {
				return rows;
			}
			List<Nearest<Object>> result = new ArrayList<>(rows.size());
			for (Nearest<Object> row : rows) {
				result.add(new Nearest<>(this.converter.apply(row.entity()), row.distance(), row.score()));
			}
			return result;
		}

	}

	/** {@code List<T>}. */
	static final class EntityListExecution extends NearestExecution {

		private final Function<Object, Object> converter;

		EntityListExecution(Function<Object, Object> converter) {
			this.converter = converter;
		}

		@Override
		public Object execute(List<Nearest<Object>> rows) {
			List<Object> result = new ArrayList<>(rows.size());
			for (Nearest<Object> row : rows) {
				result.add(this.converter.apply(row.entity()));
			}
			return result;
		}

	}

	/** {@code SearchResults<T>} with the metric's similarity as score. */
	static final class SearchResultsExecution extends NearestExecution {

		private final Function<Object, Object> converter;

		private final ScoringFunction function;

		SearchResultsExecution(Function<Object, Object> converter, ScoringFunction function) {
			this.converter = converter;
			this.function = function;
		}

		@Override
		public Object execute(List<Nearest<Object>> rows) {
			List<SearchResult<Object>> result = new ArrayList<>(rows.size());
			for (Nearest<Object> row : rows) {
				result.add(new SearchResult<>(this.converter.apply(row.entity()),
						Similarity.raw(row.score(), this.function)));
			}
			return new SearchResults<>(result);
		}

	}

	/**
	 * {@code Stream<…>} over the (at most k) rows already read: nothing stays open, so an unclosed stream leaks
	 * nothing.
	 */
	static final class StreamExecution extends NearestExecution {

		private final NearestExecution list;

		StreamExecution(NearestExecution list) {
			this.list = list;
		}

		@Override
		public Object execute(List<Nearest<Object>> rows) {
			return ((List<?>) this.list.execute(rows)).stream();
		}

	}

	/** The converter for entity results. */
	public static final Function<Object, Object> IDENTITY = (entity) -> entity;

}
