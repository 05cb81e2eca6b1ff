package dev.vectorjpa.hibernate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;

/**
 * A mapped {@code @VectorColumn} attribute with its defaults resolved: the one answer to "which column, type,
 * dimensions, metric and index does this attribute have?" for writes, searches, bulk inserts, index management and
 * schema validation.
 *
 * @param name the attribute name
 * @param column the column as Hibernate renders it in SQL (quoted only when the mapping quotes it)
 * @param columnName the column's name in the catalog (case-folded like PostgreSQL does for unquoted names)
 * @param type the pgvector type
 * @param dimensions the dimension count
 * @param metric the distance metric
 * @param nullable whether the column accepts null
 * @param index the declared index, or {@code null}
 * @param indexType the resolved index type: {@code @VectorIndex(type)}, else {@code vector-jpa.index.type}, else
 * HNSW for a {@code @VectorIndex} without type; {@link IndexType#NONE} when the attribute has no index
 * @param qualifiedName {@code Entity.attribute}, as messages name it
 * @since 0.1
 */
public record VectorAttribute(String name, String column, String columnName, VectorType type, int dimensions,
		Metric metric, boolean nullable, @Nullable VectorIndex index, IndexType indexType, String qualifiedName) {

	/** The column type with dimensions, e.g. {@code vector(384)}. */
	public String sqlType() {
		return this.type.sqlType(this.dimensions);
	}

	/** Whether the attribute has an HNSW index (sparse vectors then hold at most 1,000 non-zeros). */
	public boolean hnswIndexed() {
		return this.indexType == IndexType.HNSW;
	}

}
