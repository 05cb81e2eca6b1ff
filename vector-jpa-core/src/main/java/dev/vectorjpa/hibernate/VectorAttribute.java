package dev.vectorjpa.hibernate;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;

/**
 * A mapped {@code @VectorColumn} attribute with its defaults resolved.
 *
 * @param name the attribute name
 * @param column the column as Hibernate renders it in SQL (quoted only when the mapping quotes it)
 * @param columnName the column's name in the catalog (case-folded like PostgreSQL does for unquoted names)
 * @param type the pgvector type
 * @param dimensions the dimension count
 * @param metric the distance metric
 * @param nullable whether the column accepts null
 * @param index the declared index, or {@code null}
 * @since 0.1
 */
public record VectorAttribute(String name, String column, String columnName, VectorType type, int dimensions,
		Metric metric, boolean nullable, @Nullable VectorIndex index) {

	/** The index type declared with {@code @VectorIndex}, or {@code null} when none or undecided. */
	public @Nullable IndexType indexType() {
		return (this.index != null && this.index.type().length == 1) ? this.index.type()[0] : null;
	}

	/** The column type with dimensions, e.g. {@code vector(384)}. */
	public String sqlType() {
		return this.type.sqlType(this.dimensions);
	}

}
