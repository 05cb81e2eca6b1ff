package dev.vectorjpa.repository.query;

import java.lang.reflect.Method;
import java.util.stream.Stream;

import dev.vectorjpa.repository.Nearest;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.SearchResults;

/**
 * What a nearest query method returns: the container, whether elements are wrapped in {@link Nearest}, and the
 * element type (the entity or a projection).
 *
 * @param container the container
 * @param nearest whether elements are {@code Nearest<X>}
 * @param elementType the entity class or the projection type
 * @param projection whether {@code elementType} is a projection rather than the entity
 * @since 0.1
 */
public record NearestResultShape(Container container, boolean nearest, Class<?> elementType, boolean projection) {

	/**
	 * Reads the return type of {@code method}.
	 * @throws IllegalArgumentException for a return type that is none of the supported shapes
	 */
	static NearestResultShape of(Method method, Class<?> repositoryInterface, Class<?> domainType) {
		ResolvableType returnType = ResolvableType.forMethodReturnType(method, repositoryInterface);
		Class<?> raw = returnType.resolve(Object.class);
		Container container;
		if (raw == java.util.List.class || raw == java.util.Collection.class || raw == Iterable.class) {
			container = Container.LIST;
		}
		else if (raw == Stream.class) {
			container = Container.STREAM;
		}
		else if (raw == SearchResults.class) {
			container = Container.SEARCH_RESULTS;
		}
		else {
			throw unsupported(returnType);
		}
		ResolvableType element = returnType.getGeneric(0);
		boolean nearest = element.resolve(Object.class) == Nearest.class;
		if (nearest && container == Container.SEARCH_RESULTS) {
			throw new IllegalArgumentException("SearchResults already carry scores: return SearchResults<"
					+ domainType.getSimpleName() + "> rather than " + returnType);
		}
		Class<?> target = (nearest ? element.getGeneric(0) : element).resolve(Object.class);
		if (target == Object.class) {
			throw unsupported(returnType);
		}
		boolean projection = !target.isAssignableFrom(domainType);
		if (projection && (target.isPrimitive() || target.getName().startsWith("java."))) {
			throw unsupported(returnType);
		}
		return new NearestResultShape(container, nearest, target, projection);
	}

	private static IllegalArgumentException unsupported(ResolvableType returnType) {
		return new IllegalArgumentException("Unsupported return type " + returnType + "; expected List<Nearest<T>>, "
				+ "List<T>, SearchResults<T> or Stream<Nearest<T>> with T the entity or a projection of it");
	}

	/** Result containers. */
	public enum Container {

		/** {@code List}, {@code Collection} or {@code Iterable}. */
		LIST,

		/** {@code Stream}. */
		STREAM,

		/** Spring Data's {@code SearchResults}. */
		SEARCH_RESULTS

	}

}
