package dev.vectorjpa.repository.query;

import java.util.List;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.repository.SearchOptions;
import org.springframework.core.MethodParameter;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.Vector;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.Parameters;
import org.springframework.data.repository.query.ParametersSource;

/**
 * The parameters of a nearest query method, as {@code JpaParameters} are those of a JPA query method: the query
 * vector (or a query text the embedding model turns into it) first, then the criteria (the bindable parameters), then optionally a {@code Score}/{@code Similarity} or
 * {@code Range<Similarity>} threshold, then the number of results ({@code int k} or {@link Limit}), then optionally
 * {@link SearchOptions}. Everything but the criteria is a special parameter.
 *
 * @since 0.1
 */
public final class NearestParameters extends Parameters<NearestParameters, NearestParameters.NearestParameter> {

	private final Layout layout;

	/**
	 * The parameters of {@code source}'s method, whose criteria take {@code criteriaArguments} arguments.
	 * @throws IllegalArgumentException naming the problem when the parameters do not follow the layout above
	 */
	public NearestParameters(ParametersSource source, int criteriaArguments) {
		this(source, Layout.of(source.getMethod().getParameterTypes(), criteriaArguments));
	}

	private NearestParameters(ParametersSource source, Layout layout) {
		super(source, (parameter) -> new NearestParameter(parameter, source.getDomainTypeInformation(), layout));
		this.layout = layout;
	}

	private NearestParameters(List<NearestParameter> parameters, Layout layout) {
		super(parameters);
		this.layout = layout;
	}

	@Override
	protected NearestParameters createFrom(List<NearestParameter> parameters) {
		return new NearestParameters(parameters, this.layout);
	}

	/** Whether arguments of {@code type} can be a query vector, or a query text ({@code String}) to embed. */
	public static boolean isVectorType(Class<?> type) {
		return type == String.class || type == float[].class || Vector.class.isAssignableFrom(type) || type == SparseVector.class
				|| type == BitVector.class;
	}

	/** Whether the first parameter is a query text that the configured embedding model turns into the vector. */
	public boolean isTextQuery() {
		return this.layout.text();
	}

	/** The number of criteria arguments following the query vector. */
	public int getCriteriaCount() {
		return this.layout.criteria();
	}

	/** The kind of similarity threshold parameter. */
	public NearestSql.Threshold getThreshold() {
		return this.layout.threshold();
	}

	/** Index of the threshold argument, or -1. */
	public int getThresholdIndex() {
		return this.layout.thresholdIndex();
	}

	/** Index of the {@code int k} / {@code Limit} argument. */
	public int getCountIndex() {
		return this.layout.countIndex();
	}

	/** Index of the {@link SearchOptions} argument, or -1. */
	public int getOptionsIndex() {
		return this.layout.optionsIndex();
	}

	/** One parameter of a nearest query method. */
	public static final class NearestParameter extends Parameter {

		private final boolean criterion;

		NearestParameter(MethodParameter parameter, TypeInformation<?> domainType, Layout layout) {
			super(parameter, domainType);
			int index = parameter.getParameterIndex();
			this.criterion = index >= 1 && index <= layout.criteria();
		}

		@Override
		public boolean isSpecialParameter() {
			return !this.criterion;
		}

		@Override
		public boolean isBindable() {
			return this.criterion;
		}

	}

	/** Where each kind of argument sits, checked once. */
	record Layout(boolean text, int criteria, NearestSql.Threshold threshold, int thresholdIndex, int countIndex,
			int optionsIndex) {

		static Layout of(Class<?>[] types, int criteriaArguments) {
			if (types.length == 0 || !isVectorType(types[0])) {
				throw new IllegalArgumentException("The first parameter must be the query vector (float[], Vector, "
						+ "SparseVector or BitVector) or the query text (String), got "
						+ ((types.length == 0) ? "no parameters" : types[0].getSimpleName()));
			}
			if (1 + criteriaArguments > types.length) {
				throw new IllegalArgumentException("The criteria need " + criteriaArguments + " parameter(s) after "
						+ "the query vector, the method has " + (types.length - 1) + " parameter(s) in all after it");
			}
			int index = 1 + criteriaArguments;
			NearestSql.Threshold threshold = NearestSql.Threshold.NONE;
			int thresholdIndex = -1;
			if (index < types.length && Score.class.isAssignableFrom(types[index])) {
				threshold = NearestSql.Threshold.MINIMUM;
				thresholdIndex = index++;
			}
			else if (index < types.length && Range.class.isAssignableFrom(types[index])) {
				threshold = NearestSql.Threshold.RANGE;
				thresholdIndex = index++;
			}
			if (index >= types.length || !(types[index] == int.class || types[index] == Integer.class
					|| types[index] == Limit.class)) {
				throw new IllegalArgumentException("Expected the number of results (int k or Limit) as parameter "
						+ (index + 1) + ", after the query vector, " + criteriaArguments + " criteria parameter(s)"
						+ ((thresholdIndex >= 0) ? " and the threshold" : "") + ", got "
						+ ((index < types.length) ? types[index].getSimpleName() : "none"));
			}
			int countIndex = index++;
			int optionsIndex = (index < types.length && types[index] == SearchOptions.class) ? index++ : -1;
			if (index < types.length) {
				throw new IllegalArgumentException("Unexpected parameter " + (index + 1) + " ("
						+ types[index].getSimpleName() + "); after the number of results only SearchOptions may "
						+ "follow");
			}
			return new Layout(types[0] == String.class, criteriaArguments, threshold, thresholdIndex, countIndex, optionsIndex);
		}

	}

}
