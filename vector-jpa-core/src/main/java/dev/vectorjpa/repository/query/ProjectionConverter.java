package dev.vectorjpa.repository.query;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;

import org.springframework.beans.BeanUtils;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Converts a loaded entity to the projection a method returns: a proxy for an interface projection (Spring Data's
 * {@link ProjectionFactory}), or a DTO/record built with its constructor from the entity's properties of the same
 * names (readers resolved once at start-up).
 *
 * @since 0.1
 */
public final class ProjectionConverter {

	private ProjectionConverter() {
	}

	/**
	 * The converter for results of {@code shape}.
	 * @throws IllegalArgumentException when a DTO's constructor parameter has no entity property of that name
	 */
	public static Function<Object, Object> of(NearestResultShape shape, Class<?> domainType,
			ProjectionFactory factory) {
		if (!shape.projection()) {
			return NearestExecution.IDENTITY;
		}
		Class<?> type = shape.elementType();
		if (type.isInterface()) {
			return (entity) -> factory.createProjection(type, entity);
		}
		Constructor<?> constructor = constructor(type);
		Parameter[] parameters = constructor.getParameters();
		String[] names = new String[parameters.length];
		if (type.isRecord()) {
			RecordComponent[] components = type.getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				names[i] = components[i].getName();
			}
		}
		else {
			for (int i = 0; i < parameters.length; i++) {
				if (!parameters[i].isNamePresent()) {
					throw new IllegalArgumentException("Cannot read the constructor parameter names of DTO "
							+ type.getName() + "; compile with -parameters or use a record");
				}
				names[i] = parameters[i].getName();
			}
		}
		Reader[] readers = new Reader[names.length];
		for (int i = 0; i < names.length; i++) {
			readers[i] = reader(domainType, names[i], type);
		}
		ReflectionUtils.makeAccessible(constructor);
		return (entity) -> {
			Object[] arguments = new Object[readers.length];
			for (int i = 0; i < readers.length; i++) {
				arguments[i] = readers[i].read(entity);
			}
			return BeanUtils.instantiateClass(constructor, arguments);
		};
	}

	private static Constructor<?> constructor(Class<?> type) {
		if (type.isRecord()) {
			Class<?>[] types = new Class<?>[type.getRecordComponents().length];
			for (int i = 0; i < types.length; i++) {
				types[i] = type.getRecordComponents()[i].getType();
			}
			try {
				return ReflectionUtils.accessibleConstructor(type, types);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("Record " + type.getName() + " has no canonical constructor", ex);
			}
		}
		Constructor<?>[] constructors = type.getDeclaredConstructors();
		if (constructors.length != 1) {
			throw new IllegalArgumentException("DTO projection " + type.getName()
					+ " must have exactly one constructor, it has " + constructors.length);
		}
		return constructors[0];
	}

	private static Reader reader(Class<?> domainType, String name, Class<?> projection) {
		java.beans.PropertyDescriptor descriptor = BeanUtils.getPropertyDescriptor(domainType, name);
		if (descriptor != null && descriptor.getReadMethod() != null) {
			Method getter = descriptor.getReadMethod();
			ReflectionUtils.makeAccessible(getter);
			return (entity) -> ReflectionUtils.invokeMethod(getter, entity);
		}
		Field field = ReflectionUtils.findField(domainType, name);
		if (field == null) {
			throw new IllegalArgumentException("Projection " + projection.getSimpleName() + " needs property '" + name
					+ "', which " + domainType.getSimpleName() + " does not have");
		}
		ReflectionUtils.makeAccessible(field);
		return (entity) -> ReflectionUtils.getField(field, entity);
	}

	@FunctionalInterface
	private interface Reader {

		Object read(Object entity);

	}

}
