package dev.vectorjpa.store;

import java.util.EnumMap;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexSettings;
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

	private final Map<StoreColumn, String> columns;

	private final int dimensions;

	private final Metric metric;

	private final @Nullable String domain;

	private final VectorIndexSettings index;

	private final int copyThreshold;

	private VectorStoreSettings(Builder builder) {
		this.schema = SqlIdentifiers.validate(builder.schema, "vector-jpa.store.schema");
		this.table = SqlIdentifiers.validate(builder.table, "vector-jpa.store.table");
		this.idType = builder.idType;
		this.autoCreateTable = builder.autoCreateTable;
		EnumMap<StoreColumn, String> names = new EnumMap<>(StoreColumn.class);
		for (StoreColumn column : StoreColumn.values()) {
			String name = builder.columns.getOrDefault(column, column.defaultName());
			names.put(column, SqlIdentifiers.validate(name, "vector-jpa.store.columns." + column.propertyName()));
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
		VectorIndexSettings index = builder.index.build();
		IndexType indexType = index.defaultType();
		if (indexType != IndexType.NONE && !builder.metric.supportsIndex(indexType, VectorType.VECTOR)) {
			throw new IllegalArgumentException("pgvector has no " + indexType + " index for " + builder.metric);
		}
		this.index = index;
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
	public String column(StoreColumn column) {
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

	/**
	 * The index of the store's table: {@link VectorIndexSettings#defaultType()} is the type created automatically
	 * when {@link VectorIndexSettings#autoCreate()} is on (HNSW at once, IVFFlat from
	 * {@link VectorIndexSettings#minRows()} rows), with its parameters.
	 */
	public VectorIndexSettings index() {
		return this.index;
	}

	/** From how many vectors on {@code add} streams them with binary COPY instead of batched inserts. */
	public int copyThreshold() {
		return this.copyThreshold;
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

		private final Map<StoreColumn, String> columns = new EnumMap<>(StoreColumn.class);

		private Metric metric = Metric.COSINE;

		private @Nullable String domain;

		private final VectorIndexSettings.Builder index = VectorIndexSettings.builder();

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
		public Builder column(StoreColumn column, String name) {
			this.columns.put(requireNonNull(column, "column"), name);
			return this;
		}

		/** Column names keyed by the reference backend's logical names ({@code id}, {@code domain_id}, ...). */
		public Builder columns(Map<String, String> names) {
			names.forEach((logical, name) -> column(StoreColumn.parse(logical), name));
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
			this.index.defaultType(requireNonNull(indexType, "indexType"));
			return this;
		}

		/** Takes the parameters {@code indexParams} sets (default: m 16, ef_construction 64, IVFFlat lists from the rows). */
		public Builder indexParams(IndexParams indexParams) {
			requireNonNull(indexParams, "indexParams");
			if (indexParams.m().isPresent()) {
				hnsw(indexParams.m().getAsInt(), indexParams.efConstruction().getAsInt());
			}
			if (indexParams.lists().isPresent()) {
				ivfflatLists(indexParams.lists().getAsInt());
			}
			return this;
		}

		/** HNSW {@code m} (2-100) and {@code ef_construction} (4-1000, at least 2·m). */
		public Builder hnsw(int m, int efConstruction) {
			IndexParams.validateHnsw(m, efConstruction);
			this.index.hnswM(m).hnswEfConstruction(efConstruction);
			return this;
		}

		/** IVFFlat {@code lists} (1-32768). */
		public Builder ivfflatLists(int lists) {
			IndexParams.validateLists(lists);
			this.index.ivfflatLists(lists);
			return this;
		}

		/** Whether to create the index automatically (default false). */
		public Builder autoCreateIndex(boolean autoCreateIndex) {
			this.index.autoCreate(autoCreateIndex);
			return this;
		}

		/** The row count from which an IVFFlat index is created automatically (default 1000). */
		public Builder minRowsForIndex(long minRowsForIndex) {
			this.index.minRows(minRowsForIndex);
			return this;
		}

		/** Whether to build indexes with {@code CONCURRENTLY} (default false). */
		public Builder concurrently(boolean concurrently) {
			this.index.concurrently(concurrently);
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
