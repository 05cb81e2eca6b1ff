package dev.vectorjpa.hibernate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;

/**
 * A mapped {@code @VectorColumn} attribute with its defaults resolved: where it is stored and what it accepts.
 *
 * @param entityName Hibernate's entity name (the class name unless renamed)
 * @param entityClass the entity class
 * @param attribute the attribute's name
 * @param type the column type
 * @param dimensions the dimension count (bits for {@code bit})
 * @param metric the distance metric
 * @param nullable whether the column accepts null
 * @param hnswIndexed whether the attribute declares an HNSW index (sparse vectors then hold at most 1,000 non-zeros)
 * @param schema the table's schema, or {@code null} for the current one
 * @param table the table name as mapped (unquoted)
 * @param tableQuoted whether the table name is quoted (case-sensitive)
 * @param column the column name as mapped (unquoted)
 * @param columnQuoted whether the column name is quoted (case-sensitive)
 * @since 0.1
 */
public record VectorColumnMapping(String entityName, Class<?> entityClass, String attribute, VectorType type,
		int dimensions, Metric metric, boolean nullable, boolean hnswIndexed, @Nullable String schema, String table,
		boolean tableQuoted, String column, boolean columnQuoted) {

	/** {@code Entity.attribute}, as error messages name it. */
	public String qualifiedName() {
		return this.entityClass.getSimpleName() + "." + this.attribute;
	}

	/** The SQL column type, e.g. {@code vector(384)}. */
	public String sqlType() {
		return this.type.sqlType(this.dimensions);
	}

}
