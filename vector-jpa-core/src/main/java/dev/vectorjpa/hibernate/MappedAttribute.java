package dev.vectorjpa.hibernate;

/**
 * A single-column basic attribute of an entity (used for domain, metadata, full-text and bulk-insert columns).
 *
 * @param name the attribute name
 * @param column the column as Hibernate renders it in SQL
 * @param columnName the column's name in the catalog
 * @param javaType the attribute's Java type
 * @param nullable whether the column accepts null
 * @since 0.1
 */
public record MappedAttribute(String name, String column, String columnName, Class<?> javaType, boolean nullable) {
}
