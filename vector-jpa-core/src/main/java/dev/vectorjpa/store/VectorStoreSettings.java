package dev.vectorjpa.store;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;

/**
 * The validated, immutable configuration of a {@link PgVectorStore}: the reference backend's options, which the
 * Spring Boot starter binds from {@code vector-jpa.store.*}.
 *
 * @since 0.1
 */
public final class VectorStoreSettings {

	/** The most characters a domain may have (the reference schema's {@code VARCHAR(100)}). */
	public static final int MAX_DOMAIN_LENGTH = 100;

	private final String schema;

	private final String table;

	private final IdType idType;

	private final boolean autoCreateTable;

	private final Map<Column, String> columns;

	private final int dimensions;

	private final Metric metric;

	private final @Nullable String domain;

	private final IndexType indexType;

	private final IndexParams indexParams;

	private final boolean autoCreateIndex;

	private final long minRowsForIndex;

	private final boolean concurrently;

	private final int copyThreshold;

	private VectorStoreSettings(Builder builder) {
		this.schema = SqlIdentifiers.validate(builder.schema, "vector-jpa.store.schema");
		this.table = SqlIdentifiers.validate(builder.table, "vector-jpa.store.table");
		this.idType = builder.idType;
		this.autoCreateTable = builder.autoCreateTable;
		EnumMap<Column, String> names = new EnumMap<>(Column.class);
		for (Column column : Column.values()) {
			String name = builder.columns.getOrDefault(column, column.defaultName);
			names.put(column, SqlIdentifiers.validate(name, "vector-jpa.store.columns." + column.property));
		}
		if (names.values().stream().distinct().count() != names.size()) {
			throw new IllegalArgumentException("vector-jpa.store.columns must name eight different columns, got "
					+ names.values());
		}
		this.columns = names;
		if (builder.dimensions < 1 || builder.dimensions > VectorType.VECTOR.maxDimensions()) {
			throw new IllegalArgumentException("vector-jpa.dimensions must be between 1 and "
					+ VectorType.VECTOR.maxDimensions() + ", got " + builder.dimensions);
		}
		this.dimensions = builder.dimensions;
		if (!builder.metric.supports(VectorType.VECTOR)) {
			throw new IllegalArgumentException("vector-jpa.metric " + builder.metric
					+ " is not defined for vector columns; use COSINE, EUCLIDEAN, INNER_PRODUCT or L1");
		}
		this.metric = builder.metric;
		if (builder.domain != null && (builder.domain.isEmpty() || builder.domain.length() > MAX_DOMAIN_LENGTH)) {
			throw new IllegalArgumentException("vector-jpa.domain must have 1 to " + MAX_DOMAIN_LENGTH
					+ " characters, got '" + builder.domain + "'");
		}
		this.domain = builder.domain;
		if (builder.indexType != IndexType.NONE && !builder.metric.supportsIndex(builder.indexType, VectorType.VECTOR)) {
			throw new IllegalArgumentException("pgvector has no " + builder.indexType + " index for " + builder.metric);
		}
		this.indexType = builder.indexType;
		this.indexParams = builder.indexParams;
		this.autoCreateIndex = builder.autoCreateIndex;
		if (builder.minRowsForIndex < 0) {
			throw new IllegalArgumentException("vector-jpa.index.min-rows must not be negative, got "
					+ builder.minRowsForIndex);
		}
		this.minRowsForIndex = builder.minRowsForIndex;
		this.concurrently = builder.concurrently;
		if (builder.copyThreshold < 1) {
			throw new IllegalArgumentException("copyThreshold must be at least 1, got " + builder.copyThreshold);
		}
		this.copyThreshold = builder.copyThreshold;
	}

	/** A builder for a store of vectors with {@code dimensions} dimensions. */
	public static Builder builder(int dimensions) {
		return new Builder(dimensions);
	}

	/** The schema of the table. */
	public String schema() {
		return this.schema;
	}

	/** The table name. */
	public String table() {
		return this.table;
	}

	/** The type of the id column. */
	public IdType idType() {
		return this.idType;
	}

	/** Whether the schema and table are created when missing. */
	public boolean autoCreateTable() {
		return this.autoCreateTable;
	}

	/** The (unquoted) name of a logical column. */
	public String column(Column column) {
		return this.columns.get(column);
	}

	/** The vector dimension count. */
	public int dimensions() {
		return this.dimensions;
	}

	/** The distance metric of search and index. */
	public Metric metric() {
		return this.metric;
	}

	/** The domain every operation is scoped to, or {@code null} for all rows. */
	public @Nullable String domain() {
		return this.domain;
	}

	/** The index type created by {@link #autoCreateIndex()} (NONE: no index). */
	public IndexType indexType() {
		return this.indexType;
	}

	/** The index build parameters. */
	public IndexParams indexParams() {
		return this.indexParams;
	}

	/** Whether the index is created automatically (HNSW at once, IVFFlat from {@link #minRowsForIndex()} rows). */
	public boolean autoCreateIndex() {
		return this.autoCreateIndex;
	}

	/** The number of rows the table must hold before an IVFFlat index is created automatically. */
	public long minRowsForIndex() {
		return this.minRowsForIndex;
	}

	/** Whether indexes are built with {@code CREATE INDEX CONCURRENTLY}. */
	public boolean concurrently() {
		return this.concurrently;
	}

	/** From how many vectors on {@code add} streams them with binary COPY instead of batched inserts. */
	public int copyThreshold() {
		return this.copyThreshold;
	}

	/**
	 * The type of the id column.
	 */
	public enum IdType {

		/** {@code UUID PRIMARY KEY}; ids are {@link java.util.UUID}. */
		UUID,

		/** {@code TEXT PRIMARY KEY}; ids are {@link String}. */
		TEXT;

		/** Parses {@code uuid} or {@code text} (any case). */
		public static IdType parse(String value) {
			String normalized = value.trim().toUpperCase(Locale.ROOT);
			if (normalized.equals("UUID") || normalized.equals("TEXT")) {
				return valueOf(normalized);
			}
			throw new IllegalArgumentException("Unknown vector-jpa.store.id-type '" + value + "'; expected uuid or text");
		}

	}

	/**
	 * The eight logical columns of the reference schema.
	 */
	public enum Column {

		/** Primary key. */
		ID("id", "id"),
		/** The vector. */
		EMBEDDING("embedding", "embedding"),
		/** Source text. */
		CONTENT("content", "content"),
		/** JSONB metadata. */
		METADATA("metadata", "metadata"),
		/** Multi-tenant domain. */
		DOMAIN_ID("domain-id", "domain_id"),
		/** Source document reference. */
		DOCUMENT_ID("document-id", "document_id"),
		/** Chunk sequence number. */
		CHUNK_INDEX("chunk-index", "chunk_index"),
		/** Creation timestamp. */
		CREATED_AT("created-at", "created_at");

		private final String property;

		private final String defaultName;

		Column(String property, String defaultName) {
			this.property = property;
			this.defaultName = defaultName;
		}

		/** The default column name, which is also the reference backend's logical name. */
		public String defaultName() {
			return this.defaultName;
		}

		/** Looks up a logical column by the reference name ({@code domain_id}) or property name ({@code domain-id}). */
		public static Column parse(String name) {
			String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
			for (Column column : values()) {
				if (column.defaultName.equals(normalized)) {
					return column;
				}
			}
			throw new IllegalArgumentException("Unknown logical column '" + name
					+ "'; expected id, embedding, content, metadata, domain_id, document_id, chunk_index or created_at");
		}

	}

	/**
	 * Builds {@link VectorStoreSettings}; every value starts at the reference backend's default.
	 */
	public static final class Builder {

		private final int dimensions;

		private String schema = "public";

		private String table = "knowledge_embeddings";

		private IdType idType = IdType.UUID;

		private boolean autoCreateTable = true;

		private final Map<Column, String> columns = new EnumMap<>(Column.class);

		private Metric metric = Metric.COSINE;

		private @Nullable String domain;

		private IndexType indexType = IndexType.NONE;

		private IndexParams indexParams = IndexParams.defaults();

		private boolean autoCreateIndex;

		private long minRowsForIndex = 1000;

		private boolean concurrently;

		private int copyThreshold = 1000;

		private Builder(int dimensions) {
			this.dimensions = dimensions;
		}

		/** The schema (default {@code public}). */
		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		/** The table (default {@code knowledge_embeddings}). */
		public Builder table(String table) {
			this.table = table;
			return this;
		}

		/** The id column type (default UUID). */
		public Builder idType(IdType idType) {
			this.idType = requireNonNull(idType, "idType");
			return this;
		}

		/** Whether to create the schema and table when missing (default true). */
		public Builder autoCreateTable(boolean autoCreateTable) {
			this.autoCreateTable = autoCreateTable;
			return this;
		}

		/** The name of one logical column (default: its logical name). */
		public Builder column(Column column, String name) {
			this.columns.put(requireNonNull(column, "column"), name);
			return this;
		}

		/** Column names keyed by the reference backend's logical names ({@code id}, {@code domain_id}, ...). */
		public Builder columns(Map<String, String> names) {
			names.forEach((logical, name) -> column(Column.parse(logical), name));
			return this;
		}

		/** The distance metric (default cosine). */
		public Builder metric(Metric metric) {
			this.metric = requireNonNull(metric, "metric");
			return this;
		}

		/** The domain to scope every operation to (default none: all rows). */
		public Builder domain(@Nullable String domain) {
			this.domain = domain;
			return this;
		}

		/** The index type for automatic creation (default NONE). */
		public Builder indexType(IndexType indexType) {
			this.indexType = requireNonNull(indexType, "indexType");
			return this;
		}

		/** The index build parameters (default: server defaults, IVFFlat lists from the row count). */
		public Builder indexParams(IndexParams indexParams) {
			this.indexParams = requireNonNull(indexParams, "indexParams");
			return this;
		}

		/** Whether to create the index automatically (default false). */
		public Builder autoCreateIndex(boolean autoCreateIndex) {
			this.autoCreateIndex = autoCreateIndex;
			return this;
		}

		/** The row count from which an IVFFlat index is created automatically (default 1000). */
		public Builder minRowsForIndex(long minRowsForIndex) {
			this.minRowsForIndex = minRowsForIndex;
			return this;
		}

		/** Whether to build indexes with {@code CONCURRENTLY} (default false). */
		public Builder concurrently(boolean concurrently) {
			this.concurrently = concurrently;
			return this;
		}

		/** From how many vectors {@code add} uses binary COPY (default 1000). */
		public Builder copyThreshold(int copyThreshold) {
			this.copyThreshold = copyThreshold;
			return this;
		}

		/** Validates and builds the settings. */
		public VectorStoreSettings build() {
			return new VectorStoreSettings(this);
		}

		private static <T> T requireNonNull(@Nullable T value, String name) {
			if (value == null) {
				throw new IllegalArgumentException("VectorStoreSettings " + name + " must not be null");
			}
			return value;
		}

	}

}
