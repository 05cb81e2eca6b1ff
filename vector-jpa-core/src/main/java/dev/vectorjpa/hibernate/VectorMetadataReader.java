package dev.vectorjpa.hibernate;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.jdbc.SqlIdentifiers;
import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.MetadataColumn;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.jspecify.annotations.Nullable;

/**
 * Reads every entity's {@link VectorEntityMetadata} from Hibernate's boot model when a session factory is built, so
 * that table and column names come from the same naming strategies Hibernate's own SQL and DDL use, and defaults
 * (dimensions, metric, index type) are resolved once from the settings.
 */
final class VectorMetadataReader {

	private VectorMetadataReader() {
	}

	/** The metadata of every entity class of {@code metadata}. */
	static Map<Class<?>, VectorEntityMetadata> read(Metadata metadata, SessionFactoryImplementor sessionFactory) {
		Map<String, Object> settings = sessionFactory.getProperties();
		SqlStringGenerationContext context = sessionFactory.getSqlStringGenerationContext();
		Dialect dialect = sessionFactory.getJdbcServices().getDialect();
		Map<Class<?>, VectorEntityMetadata> entities = new LinkedHashMap<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> mappedClass = entity.getMappedClass();
			if (mappedClass == null || mappedClass == Map.class) {
				continue;
			}
			entities.put(mappedClass, read(entity, mappedClass, settings, context, dialect));
		}
		return entities;
	}

	private static VectorEntityMetadata read(PersistentClass entity, Class<?> mappedClass, Map<String, Object> settings,
			SqlStringGenerationContext context, Dialect dialect) {
		Table table = entity.getTable();
		String tableSql = table.getQualifiedName(context);
		String tableName = catalogName(table.getNameIdentifier());
		Identifier schema = (table.getSchemaIdentifier() != null) ? table.getSchemaIdentifier()
				: context.getDefaultSchema();
		String schemaName = (schema != null) ? catalogName(schema) : null;

		MappedAttribute id = null;
		Property idProperty = entity.getIdentifierProperty();
		if (idProperty != null) {
			id = attribute(idProperty, mappedClass, dialect);
		}
		List<VectorAttribute> vectors = new ArrayList<>();
		MappedAttribute domain = null;
		MappedAttribute metadata = null;
		MappedAttribute jsonMap = null;
		int jsonMaps = 0;
		MappedAttribute fullText = null;
		String fullTextConfig = "english";
		for (Property property : entity.getPropertyClosure()) {
			AnnotatedElement member = member(property, mappedClass);
			if (member == null) {
				continue;
			}
			String label = mappedClass.getSimpleName() + "." + property.getName();
			VectorColumn vectorColumn = member.getAnnotation(VectorColumn.class);
			if (vectorColumn != null) {
				MappedAttribute column = attribute(property, mappedClass, dialect);
				if (column == null) {
					throw new IllegalStateException("@VectorColumn on " + label + " must map to a single column");
				}
				VectorIndex index = member.getAnnotation(VectorIndex.class);
				vectors.add(new VectorAttribute(property.getName(), column.column(), column.columnName(),
						vectorColumn.type(), VectorJpaSettings.dimensions(vectorColumn, settings, label),
						VectorJpaSettings.metric(vectorColumn, settings, label), column.nullable(), index,
						VectorJpaSettings.indexType(index, settings, label), label));
				continue;
			}
			if (member.isAnnotationPresent(DomainId.class)) {
				domain = requireType(attribute(property, mappedClass, dialect), String.class, "@DomainId", label);
			}
			if (member.isAnnotationPresent(MetadataColumn.class)) {
				metadata = requireType(attribute(property, mappedClass, dialect), Map.class, "@MetadataColumn", label);
			}
			FullText text = member.getAnnotation(FullText.class);
			if (text != null) {
				fullText = requireType(attribute(property, mappedClass, dialect), String.class, "@FullText", label);
				fullTextConfig = SqlIdentifiersCheck.textSearchConfig(text.config(), label);
			}
			MappedAttribute plain = attribute(property, mappedClass, dialect);
			if (plain != null && Map.class.isAssignableFrom(plain.javaType())) {
				jsonMap = plain;
				jsonMaps++;
			}
		}
		if (metadata == null && jsonMaps == 1) {
			metadata = jsonMap;
		}
		return new VectorEntityMetadata(mappedClass, entity.getEntityName(), tableSql, schemaName, tableName, id,
				List.copyOf(vectors), domain, metadata, fullText, fullTextConfig);
	}

	private static @Nullable MappedAttribute requireType(@Nullable MappedAttribute attribute, Class<?> expected,
			String annotation, String label) {
		if (attribute == null || !expected.isAssignableFrom(attribute.javaType())) {
			throw new IllegalStateException(annotation + " on " + label + " needs a single-column "
					+ expected.getSimpleName() + " attribute"
					+ ((attribute != null) ? ", found " + attribute.javaType().getName() : ""));
		}
		return attribute;
	}

	private static @Nullable AnnotatedElement member(Property property, Class<?> mappedClass) {
		try {
			Member member = property.getGetter(mappedClass).getMember();
			return (member instanceof AnnotatedElement element) ? element : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable MappedAttribute attribute(Property property, Class<?> mappedClass, Dialect dialect) {
		List<Selectable> selectables = property.getValue().getSelectables();
		if (selectables.size() != 1 || !(selectables.get(0) instanceof Column column)) {
			return null;
		}
		Class<?> javaType;
		try {
			javaType = property.getGetter(mappedClass).getReturnTypeClass();
		}
		catch (RuntimeException ex) {
			javaType = Object.class;
		}
		String columnName = SqlIdentifiers.catalogName(column.getName(), column.isQuoted());
		return new MappedAttribute(property.getName(), column.getQuotedName(dialect), columnName, javaType,
				column.isNullable() && property.isOptional());
	}

	private static String catalogName(Identifier identifier) {
		return SqlIdentifiers.catalogName(identifier.getText(), identifier.isQuoted());
	}

	/** Validation of the full-text configuration name (an identifier rendered into SQL as a regconfig literal). */
	static final class SqlIdentifiersCheck {

		private SqlIdentifiersCheck() {
		}

		static String textSearchConfig(String config, String label) {
			if (config == null || !config.matches("[a-z_][a-z0-9_]{0,62}")) {
				throw new IllegalStateException("@FullText on " + label + " has an invalid text search configuration '"
						+ config + "' (expected a name like 'english' or 'simple')");
			}
			return config;
		}

	}

}
