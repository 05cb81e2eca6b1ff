package dev.vectorjpa.repository.query;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vectorjpa.repository.NearestTo;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
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

	private final @Nullable PartTree tree;

	private final @Nullable String nearestTo;

	private final NearestResultShape shape;

	/**
	 * Reads {@code method}.
	 * @throws IllegalArgumentException naming the problem when the method is not a valid nearest query
	 */
	public NearestQueryMethod(Method method, RepositoryMetadata metadata, ProjectionFactory factory) {
		super(method, metadata, factory,
				(source) -> new NearestParameters(source, countArguments(tree(method, metadata.getDomainType()))));
		this.tree = tree(method, metadata.getDomainType());
		if (this.tree != null) {
			checkCriterionTypes(this.tree, method.getParameterTypes());
		}
		NearestTo annotation = AnnotatedElementUtils.findMergedAnnotation(method, NearestTo.class);
		this.nearestTo = (annotation != null) ? annotation.value() : null;
		this.shape = NearestResultShape.of(method, metadata.getRepositoryInterface(), metadata.getDomainType());
	}

	/** Whether {@code method} is named like a nearest query. */
	public static boolean isNearestQuery(Method method) {
		return NAME.matcher(method.getName()).matches();
	}

	private static @Nullable PartTree tree(Method method, Class<?> domainType) {
		Matcher matcher = NAME.matcher(method.getName());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("The name must be findNearest, searchNearest or streamNearest, "
					+ "optionally followed by By and criteria");
		}
		String criteria = (matcher.group(2) != null && !matcher.group(2).isEmpty()) ? matcher.group(2) : null;
		if (criteria != null && criteria.contains("OrderBy")) {
			throw new IllegalArgumentException("Nearest queries are ordered by distance; OrderBy is not supported");
		}
		return (criteria != null) ? new PartTree("findBy" + criteria, domainType) : null;
	}

	@Override
	public NearestParameters getParameters() {
		return (NearestParameters) super.getParameters();
	}

	/** The criteria, or {@code null} when the method has none. */
	public @Nullable PartTree getTree() {
		return this.tree;
	}

	/** The attribute named by {@code @NearestTo}, or {@code null}. */
	public @Nullable String getNearestTo() {
		return this.nearestTo;
	}

	/** What the method returns. */
	public NearestResultShape getShape() {
		return this.shape;
	}

	private static int countArguments(@Nullable PartTree tree) {
		int arguments = 0;
		if (tree != null) {
			for (Part part : tree.getParts()) {
				arguments += part.getNumberOfArguments();
			}
		}
		return arguments;
	}

	private static void checkCriterionTypes(PartTree tree, Class<?>[] types) {
		int index = 1;
		for (Part part : tree.getParts()) {
			for (int i = 0; i < part.getNumberOfArguments(); i++) {
				checkCriterionType(part, types[index], index);
				index++;
			}
		}
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
