package dev.vectorjpa.hibernate;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@code @VectorColumn} attributes of a Hibernate boot model, resolving their defaults with
 * {@link VectorJpaSettings}: done once at start-up, read by the write checks and the schema validator.
 *
 * @since 0.1
 */
public final class VectorMappings {

	// Same property as the starter's vector-jpa.index.type; an empty @VectorIndex(type) falls back to it, then HNSW.
	private static final String INDEX_TYPE = "vector-jpa.index.type";

	// Filled by VectorJpaIntegrator for every session factory it integrates with; weak so factories can be collected.
	private static final Map<SessionFactory, List<VectorColumnMapping>> BY_SESSION_FACTORY = new WeakHashMap<>();

	private VectorMappings() {
	}

	/**
	 * The vector attributes of every entity of a running persistence unit, as resolved at its start-up.
	 * @throws IllegalStateException when the factory was not started with vector-jpa on the class path
	 */
	public static List<VectorColumnMapping> of(EntityManagerFactory entityManagerFactory) {
		SessionFactory sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
		List<VectorColumnMapping> attributes;
		synchronized (BY_SESSION_FACTORY) {
			attributes = BY_SESSION_FACTORY.get(sessionFactory);
		}
		if (attributes == null) {
			throw new IllegalStateException("No vector mapping for " + sessionFactory + ": was "
					+ VectorJpaIntegrator.class.getName() + " registered (META-INF/services)?");
		}
		return attributes;
	}

	/** The vector attributes of one entity class of a running persistence unit (empty when it has none). */
	public static List<VectorColumnMapping> of(EntityManagerFactory entityManagerFactory, Class<?> entityClass) {
		return of(entityManagerFactory).stream()
			.filter((attribute) -> attribute.entityClass() == entityClass)
			.toList();
	}

	static void register(SessionFactory sessionFactory, List<VectorColumnMapping> attributes) {
		synchronized (BY_SESSION_FACTORY) {
			BY_SESSION_FACTORY.put(sessionFactory, attributes);
		}
	}

	static void unregister(SessionFactory sessionFactory) {
		synchronized (BY_SESSION_FACTORY) {
			BY_SESSION_FACTORY.remove(sessionFactory);
		}
	}

	/** The vector attributes of every entity in {@code metadata}. */
	public static List<VectorColumnMapping> of(Metadata metadata, Map<String, ?> settings) {
		List<VectorColumnMapping> attributes = new ArrayList<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> entityClass = entity.getMappedClass();
			if (entityClass == null) {
				continue;
			}
			for (Property property : entity.getPropertyClosure()) {
				AnnotatedElement member = member(entityClass, property.getName());
				VectorColumn annotation = (member != null) ? member.getAnnotation(VectorColumn.class) : null;
				if (annotation == null || property.getColumnSpan() != 1
						) {
					continue;
				}
				Column column = property.getColumns().get(0);
				String name = attributeName(entity, property);
				int dimensions = VectorJpaSettings.dimensions(annotation, settings, name);
				Metric metric = VectorJpaSettings.metric(annotation, settings, name);
				Table table = column.getValue().getTable();
				attributes.add(new VectorColumnMapping(entity.getEntityName(), entityClass, property.getName(),
						annotation.type(), dimensions, metric, column.isNullable() && property.isOptional(),
						isHnswIndexed(member.getAnnotation(VectorIndex.class), settings), table.getSchema(),
						table.getName(), table.isQuoted(), column.getName(), column.isQuoted()));
			}
		}
		return Collections.unmodifiableList(attributes);
	}

	static String attributeName(PersistentClass entity, Property property) {
		String entityName = entity.getEntityName();
		return entityName.substring(entityName.lastIndexOf('.') + 1) + "." + property.getName();
	}

	/** The declared type of an attribute, read from its field or else its getter; null when neither is found. */
	static @Nullable Class<?> attributeType(Class<?> entityClass, String name) {
		AnnotatedElement member = member(entityClass, name);
		if (member instanceof Field field) {
			return field.getType();
		}
		if (member instanceof Method method) {
			return method.getReturnType();
		}
		return null;
	}

	/** The {@code @VectorColumn} of an attribute, or null. */
	static @Nullable VectorColumn vectorColumn(Class<?> entityClass, String name) {
		AnnotatedElement member = member(entityClass, name);
		return (member != null) ? member.getAnnotation(VectorColumn.class) : null;
	}

	private static @Nullable AnnotatedElement member(Class<?> entityClass, String name) {
		String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
		for (Class<?> type = entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (field.getName().equals(name) && hasVectorAnnotation(field)) {
					return field;
				}
			}
			for (Method method : type.getDeclaredMethods()) {
				if (method.getParameterCount() == 0 && method.getName().equals(getter)
						&& hasVectorAnnotation(method)) {
					return method;
				}
			}
		}
		for (Class<?> type = entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (field.getName().equals(name)) {
					return field;
				}
			}
		}
		return null;
	}

	private static boolean hasVectorAnnotation(AnnotatedElement element) {
		Annotation annotation = element.getAnnotation(VectorColumn.class);
		return annotation != null;
	}

	private static boolean isHnswIndexed(@Nullable VectorIndex index, Map<String, ?> settings) {
		if (index == null) {
			return false;
		}
		if (index.type().length > 0) {
			return index.type()[0] == IndexType.HNSW;
		}
		Object configured = settings.get(INDEX_TYPE);
		return configured == null
				|| !configured.toString().trim().toUpperCase(Locale.ROOT).equals(IndexType.IVFFLAT.name());
	}

}
