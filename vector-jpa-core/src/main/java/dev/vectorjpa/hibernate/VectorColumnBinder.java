package dev.vectorjpa.hibernate;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import org.hibernate.MappingException;
import org.hibernate.binder.AttributeBinder;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.jspecify.annotations.Nullable;

/**
 * Binds a {@link VectorColumn} attribute: picks the vector JDBC type and sets the column's dimension count, so that
 * the annotation alone maps the attribute (it is meta-annotated with {@code @AttributeBinderType}).
 * <p>
 * The dimension count goes into the column's array length, which hibernate-vector's DDL types render as
 * {@code vector($l)}, {@code halfvec($l)}, {@code sparsevec($l)} and {@code bit($l)}.
 *
 * @since 0.1
 */
public final class VectorColumnBinder implements AttributeBinder<VectorColumn> {

	@Override
	public void bind(VectorColumn annotation, MetadataBuildingContext buildingContext,
			PersistentClass persistentClass, Property property) {
		String entityName = persistentClass.getEntityName();
		String attribute = entityName.substring(entityName.lastIndexOf('.') + 1) + "." + property.getName();
		Map<String, Object> settings = buildingContext.getBootstrapContext()
			.getServiceRegistry()
			.requireService(ConfigurationService.class)
			.getSettings();
		int dimensions = VectorJpaSettings.dimensions(annotation, settings, attribute);
		VectorJpaSettings.metric(annotation, settings, attribute);
		if (!(property.getValue() instanceof BasicValue value) || value.getColumnSpan() != 1) {
			throw new MappingException("@VectorColumn on " + attribute + " must annotate a basic single-column attribute");
		}
		// Attributes of embeddables are not members of the entity class: Hibernate then reports a type mismatch itself.
		Class<?> javaType = attributeType(persistentClass.getMappedClass(), property.getName());
		if (javaType != null) {
			checkJavaType(annotation.type(), javaType, attribute);
		}
		JdbcType jdbcType = jdbcType(annotation.type());
		value.setExplicitJdbcTypeAccess((typeConfiguration) -> jdbcType);
		if (annotation.type() == VectorType.SPARSEVEC) {
			value.setExplicitJavaTypeAccess((typeConfiguration) -> SparseVectorJavaType.INSTANCE);
		}
		else if (annotation.type() == VectorType.BIT) {
			value.setExplicitJavaTypeAccess((typeConfiguration) -> BitVectorJavaType.INSTANCE);
		}
		Selectable selectable = value.getColumn();
		if (selectable instanceof Column column) {
			column.setArrayLength(dimensions);
		}
	}

	/** The JDBC type reading and writing columns of {@code type}. */
	public static JdbcType jdbcType(VectorType type) {
		return switch (type) {
			case VECTOR, HALFVEC -> PgVectorJdbcType.of(type);
			case SPARSEVEC -> PgSparseVectorJdbcType.INSTANCE;
			case BIT -> PgBitJdbcType.INSTANCE;
		};
	}

	/** The declared type of an attribute, read from its field or else its getter; null when neither is found. */
	private static @Nullable Class<?> attributeType(@Nullable Class<?> entityClass, String name) {
		String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
		for (Class<?> type = entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (field.getName().equals(name)) {
					return field.getType();
				}
			}
			for (Method method : type.getDeclaredMethods()) {
				if (method.getParameterCount() == 0 && method.getName().equals(getter)) {
					return method.getReturnType();
				}
			}
		}
		return null;
	}

	private static void checkJavaType(VectorType type, Class<?> javaType, String attribute) {
		Class<?> expected = switch (type) {
			case VECTOR, HALFVEC -> float[].class;
			case SPARSEVEC -> SparseVector.class;
			case BIT -> BitVector.class;
		};
		if (javaType != expected) {
			throw new MappingException("@VectorColumn(type = " + type + ") on " + attribute + " needs a "
					+ expected.getSimpleName() + " attribute, but it is " + javaType.getSimpleName());
		}
	}

}
