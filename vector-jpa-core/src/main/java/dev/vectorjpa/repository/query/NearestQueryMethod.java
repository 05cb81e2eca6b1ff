package dev.vectorjpa.repository.query;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.repository.NearestTo;
import dev.vectorjpa.repository.SearchOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.Vector;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.util.ClassUtils;

/**
 * A {@code findNearest…}/{@code searchNearest…}/{@code streamNearest…} repository method: its criteria (a
 * {@link PartTree}), where each kind of argument sits, the vector attribute it searches and its result shape, all
 * read once when the repository is created.
 *
 * @since 0.1
 */
public final class NearestQueryMethod extends QueryMethod {

	private static final Pattern NAME = Pattern.compile("^(find|search|stream)Nearest(?:By(.*))?$");

	private final Method method;

	private final @Nullable PartTree tree;

	private final int criteriaCount;

	private final NearestSql.Threshold threshold;

	private final int thresholdIndex;

	private final int limitIndex;

	private final boolean limitObject;

	private final int optionsIndex;

	private final @Nullable String nearestTo;

	private final NearestResultShape shape;

	/**
	 * Reads {@code method}.
	 * @throws IllegalArgumentException naming the problem when the method is not a valid nearest query
	 */
	public NearestQueryMethod(Method method, RepositoryMetadata metadata, ProjectionFactory factory) {
		super(method, metadata, factory);
		this.method = method;
		Matcher matcher = NAME.matcher(method.getName());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("The name must be findNearest, searchNearest or streamNearest, "
					+ "optionally followed by By and criteria");
		}
		Class<?> domainType = metadata.getDomainType();
		String criteria = (matcher.group(2) != null && !matcher.group(2).isEmpty()) ? matcher.group(2) : null;
		if (criteria != null && criteria.contains("OrderBy")) {
			throw new IllegalArgumentException("Nearest queries are ordered by distance; OrderBy is not supported");
		}
		this.tree = (criteria != null) ? new PartTree("findBy" + criteria, domainType) : null;
		Class<?>[] types = method.getParameterTypes();
		if (types.length == 0 || !isVectorType(types[0])) {
			throw new IllegalArgumentException("The first parameter must be the query vector (float[], Vector, "
					+ "SparseVector or BitVector) or the query text (String), got " + ((types.length == 0)
							? "no parameters" : types[0].getSimpleName()));
		}
		int index = 1;
		int count = 0;
		if (this.tree != null) {
			for (Part part : this.tree.getParts()) {
				for (int i = 0; i < part.getNumberOfArguments(); i++) {
					if (index >= types.length) {
						throw new IllegalArgumentException("The criteria need " + countArguments(this.tree)
								+ " parameter(s) after the query vector, the method has " + (types.length - 1)
								+ " parameter(s) in all after it");
					}
					checkCriterionType(part, types[index], index);
					index++;
					count++;
				}
			}
		}
		this.criteriaCount = count;
		if (index < types.length && Score.class.isAssignableFrom(types[index])) {
			this.threshold = NearestSql.Threshold.MINIMUM;
			this.thresholdIndex = index++;
		}
		else if (index < types.length && Range.class.isAssignableFrom(types[index])) {
			this.threshold = NearestSql.Threshold.RANGE;
			this.thresholdIndex = index++;
		}
		else {
			this.threshold = NearestSql.Threshold.NONE;
			this.thresholdIndex = -1;
		}
		if (index >= types.length || !(types[index] == int.class || types[index] == Integer.class
				|| types[index] == Limit.class)) {
			throw new IllegalArgumentException("Expected the number of results (int k or Limit) as parameter "
					+ (index + 1) + ", after the query vector, " + count + " criteria parameter(s)"
					+ ((this.thresholdIndex >= 0) ? " and the threshold" : "") + ", got "
					+ ((index < types.length) ? types[index].getSimpleName() : "none"));
		}
		this.limitObject = types[index] == Limit.class;
		this.limitIndex = index++;
		this.optionsIndex = (index < types.length && types[index] == SearchOptions.class) ? index++ : -1;
		if (index < types.length) {
			throw new IllegalArgumentException("Unexpected parameter " + (index + 1) + " ("
					+ types[index].getSimpleName() + "); after the number of results only SearchOptions may follow");
		}
		NearestTo annotation = AnnotatedElementUtils.findMergedAnnotation(method, NearestTo.class);
		this.nearestTo = (annotation != null) ? annotation.value() : null;
		this.shape = NearestResultShape.of(method, metadata.getRepositoryInterface(), domainType);
	}

	/** Whether {@code method} is named like a nearest query. */
	public static boolean isNearestQuery(Method method) {
		return NAME.matcher(method.getName()).matches();
	}

	/** Whether the first parameter is a query text, embedded by the configured model, rather than a vector. */
	public boolean isTextQuery() {
		return this.method.getParameterTypes()[0] == String.class;
	}

	/** Whether arguments of {@code type} can be a query vector, or a text to embed into one. */
	static boolean isVectorType(Class<?> type) {
		return type == String.class || type == float[].class || Vector.class.isAssignableFrom(type) || type == SparseVector.class
				|| type == BitVector.class;
	}

	/** The criteria, or {@code null} when the method has none. */
	public @Nullable PartTree getTree() {
		return this.tree;
	}

	/** The repository method. */
	public Method getRepositoryMethod() {
		return this.method;
	}

	/** The number of criteria arguments following the query vector. */
	public int getCriteriaCount() {
		return this.criteriaCount;
	}

	/** The kind of similarity threshold parameter. */
	public NearestSql.Threshold getThreshold() {
		return this.threshold;
	}

	/** Index of the threshold argument, or -1. */
	public int getThresholdIndex() {
		return this.thresholdIndex;
	}

	/** Index of the {@code int k} / {@code Limit} argument. */
	public int getLimitIndex() {
		return this.limitIndex;
	}

	/** Whether the number of results is a {@link Limit}. */
	public boolean isLimitObject() {
		return this.limitObject;
	}

	/** Index of the {@link SearchOptions} argument, or -1. */
	public int getOptionsIndex() {
		return this.optionsIndex;
	}

	/** The attribute named by {@code @NearestTo}, or {@code null}. */
	public @Nullable String getNearestTo() {
		return this.nearestTo;
	}

	/** What the method returns. */
	public NearestResultShape getShape() {
		return this.shape;
	}

	private static int countArguments(PartTree tree) {
		int arguments = 0;
		for (Part part : tree.getParts()) {
			arguments += part.getNumberOfArguments();
		}
		return arguments;
	}

	private static void checkCriterionType(Part part, Class<?> type, int index) {
		Class<?> property = ClassUtils.resolvePrimitiveIfNecessary(part.getProperty().getLeafType());
		Class<?> argument = ClassUtils.resolvePrimitiveIfNecessary(type);
		String name = part.getProperty().toDotPath();
		boolean ok = switch (part.getType()) {
			case IN, NOT_IN -> Collection.class.isAssignableFrom(argument) || argument.isArray();
			case LIKE, NOT_LIKE, CONTAINING, NOT_CONTAINING, STARTING_WITH, ENDING_WITH ->
				CharSequence.class.isAssignableFrom(argument);
			default -> property.isAssignableFrom(argument) || argument.isAssignableFrom(property);
		};
		if (!ok) {
			throw new IllegalArgumentException("Parameter " + (index + 1) + " (" + type.getSimpleName() + ") does not "
					+ "fit criterion " + part.getType().name() + " on '" + name + "' of type " + property.getSimpleName());
		}
	}

}
