package dev.vectorjpa.index;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;

/**
 * Turns a mapped vector attribute plus {@code @VectorIndex} or explicit {@link IndexParams} into a
 * {@link VectorIndexDefinition}, filling unset values from {@link VectorIndexSettings}; every check happens here,
 * before any SQL.
 */
final class IndexDefinitions {

	private IndexDefinitions() {
	}

	/**
	 * The index an attribute declares ({@code @VectorIndex} or the configured type, as resolved in
	 * {@link VectorAttribute#indexType()}), or {@code null} for none; unset parameters come from {@code settings}.
	 */
	static @Nullable VectorIndexDefinition declared(VectorEntityMetadata entity, VectorAttribute attribute,
			VectorIndexSettings settings) {
		VectorIndex index = attribute.index();
		if (index != null && index.type().length > 1) {
			throw new IllegalArgumentException("@VectorIndex on " + owner(entity, attribute)
					+ " names more than one index type");
		}
		// resolved once per session factory, with vector-jpa.index.type (VectorJpaSettings.indexType)
		IndexType type = attribute.indexType();
		if (type == IndexType.NONE) {
			return null;
		}
		int m = (index != null && index.m() > 0) ? index.m() : settings.hnswM();
		int ef = (index != null && index.efConstruction() > 0) ? index.efConstruction()
				: settings.hnswEfConstruction();
		Integer lists = (index != null && index.lists() > 0) ? Integer.valueOf(index.lists()) : settings.ivfflatLists();
		boolean concurrently = (index != null && index.concurrently()) || settings.concurrently();
		return definition(entity.schemaName(), entity.tableName(), attribute.columnName(), attribute.type(),
				attribute.dimensions(), attribute.metric(), type, m, ef, lists, concurrently, "@VectorIndex on ",
				owner(entity, attribute));
	}

	/** The index {@code createIndex} builds: explicit parameters, else the configured defaults. */
	static VectorIndexDefinition explicit(VectorEntityMetadata entity, VectorAttribute attribute, IndexType type,
			IndexParams params, VectorIndexSettings settings) {
		return explicit(entity.schemaName(), entity.tableName(), attribute.columnName(), attribute.type(),
				attribute.dimensions(), attribute.metric(), type, params, settings, owner(entity, attribute));
	}

	/** The same for a plain table column; {@code owner} names it in messages, e.g. {@code Document.embedding}. */
	static VectorIndexDefinition explicit(@Nullable String schema, String table, String column, VectorType vectorType,
			int dimensions, Metric metric, IndexType type, IndexParams params, VectorIndexSettings settings,
			String owner) {
		if (type == IndexType.NONE) {
			throw new IllegalArgumentException("Cannot create an index of type NONE on " + owner
					+ "; use HNSW or IVFFLAT");
		}
		if (type == IndexType.HNSW && params.lists().isPresent()) {
			throw new IllegalArgumentException("HNSW index on " + owner + " takes IndexParams.hnsw(m, efConstruction) "
					+ "or defaults(), got " + params);
		}
		if (type == IndexType.IVFFLAT && (params.m().isPresent() || params.efConstruction().isPresent())) {
			throw new IllegalArgumentException("IVFFLAT index on " + owner + " takes IndexParams.ivfflat(lists) "
					+ "or defaults(), got " + params);
		}
		int m = params.m().orElse(settings.hnswM());
		int ef = params.efConstruction().orElse(settings.hnswEfConstruction());
		Integer lists = params.lists().isPresent() ? Integer.valueOf(params.lists().getAsInt()) : settings.ivfflatLists();
		return definition(schema, table, column, vectorType, dimensions, metric, type, m, ef, lists,
				settings.concurrently(), "", owner);
	}

	private static VectorIndexDefinition definition(@Nullable String schema, String table, String column,
			VectorType vectorType, int dimensions, Metric metric, IndexType type, int m, int ef,
			@Nullable Integer lists, boolean concurrently, String prefix, String owner) {
		VectorIndexDefinition definition;
		try {
			definition = new VectorIndexDefinition(schema, table, column, vectorType, metric, type,
					(type == IndexType.HNSW) ? m : null, (type == IndexType.HNSW) ? ef : null,
					(type == IndexType.IVFFLAT) ? lists : null, concurrently, null, null);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(prefix + owner + ": " + ex.getMessage(), ex);
		}
		if (dimensions > 0) {
			definition.checkDimensions(dimensions, owner);
		}
		return definition;
	}

	static String owner(VectorEntityMetadata entity, VectorAttribute attribute) {
		return entity.javaType().getSimpleName() + "." + attribute.name();
	}

}
