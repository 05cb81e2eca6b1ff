package dev.vectorjpa.hibernate;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;

/**
 * What vector-jpa knows of one entity, read once from Hibernate's boot model when the session factory starts: table,
 * id, vector attributes with their resolved dimensions and metric, and the domain, metadata and full-text attributes.
 *
 * @param javaType the entity class
 * @param entityName the entity name
 * @param table the table as Hibernate renders it in SQL (schema-qualified when the mapping has a schema)
 * @param schemaName the schema in the catalog, or {@code null} for the search path's first schema
 * @param tableName the table's name in the catalog
 * @param id the identifier attribute (single column), or {@code null} for composite ids
 * @param vectorAttributes the {@code @VectorColumn} attributes
 * @param domain the {@code @DomainId} attribute, or {@code null}
 * @param metadata the JSON metadata attribute ({@code @MetadataColumn}, or the only {@code Map} mapped as JSON), or
 * {@code null}
 * @param fullText the {@code @FullText} attribute, or {@code null}
 * @param fullTextConfig the text search configuration of the full-text attribute
 * @since 0.1
 */
public record VectorEntityMetadata(Class<?> javaType, String entityName, String table, @Nullable String schemaName,
		String tableName, @Nullable MappedAttribute id, List<VectorAttribute> vectorAttributes,
		@Nullable MappedAttribute domain, @Nullable MappedAttribute metadata, @Nullable MappedAttribute fullText,
		String fullTextConfig) {

	/**
	 * The metadata of {@code entityType} in the session factory behind {@code entityManagerFactory}.
	 * @throws IllegalArgumentException when it is not an entity of that persistence unit
	 */
	public static VectorEntityMetadata of(EntityManagerFactory entityManagerFactory, Class<?> entityType) {
		return VectorEntityRegistry.of(entityManagerFactory.unwrap(SessionFactoryImplementor.class)).get(entityType);
	}

	/** Every entity of the persistence unit behind {@code entityManagerFactory}. */
	public static List<VectorEntityMetadata> all(EntityManagerFactory entityManagerFactory) {
		return VectorEntityRegistry.of(entityManagerFactory.unwrap(SessionFactoryImplementor.class)).all();
	}

	/**
	 * The vector attribute a search uses: the one named, or the only one.
	 * @param name the attribute name, or {@code null} when the entity must have exactly one
	 * @throws IllegalArgumentException when there is no such attribute, or none or several and no name is given
	 */
	public VectorAttribute vectorAttribute(@Nullable String name) {
		if (name != null) {
			for (VectorAttribute attribute : this.vectorAttributes) {
				if (attribute.name().equals(name)) {
					return attribute;
				}
			}
			throw new IllegalArgumentException(this.javaType.getSimpleName() + " has no @VectorColumn attribute '"
					+ name + "'" + describeVectorAttributes());
		}
		if (this.vectorAttributes.size() == 1) {
			return this.vectorAttributes.get(0);
		}
		if (this.vectorAttributes.isEmpty()) {
			throw new IllegalArgumentException(this.javaType.getSimpleName() + " has no @VectorColumn attribute");
		}
		throw new IllegalArgumentException(this.javaType.getSimpleName()
				+ " has several @VectorColumn attributes; name one with @NearestTo" + describeVectorAttributes());
	}

	private String describeVectorAttributes() {
		if (this.vectorAttributes.isEmpty()) {
			return "";
		}
		StringBuilder names = new StringBuilder(" (it has ");
		for (int i = 0; i < this.vectorAttributes.size(); i++) {
			names.append((i > 0) ? ", " : "").append(this.vectorAttributes.get(i).name());
		}
		return names.append(')').toString();
	}

}
