package dev.vectorjpa.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.repository.SearchOptions.FilterStrategy;
import dev.vectorjpa.repository.SearchOptions.IterativeScan;
import dev.vectorjpa.store.IdType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of vector-jpa ({@code vector-jpa.*}).
 *
 * @since 0.1
 */
@ConfigurationProperties("vector-jpa")
public class VectorJpaProperties {

	/**
	 * Whether to enable vector-jpa's auto-configuration.
	 */
	private boolean enabled = true;

	/**
	 * Default number of dimensions of vector columns declared with '@VectorColumn(dimensions = 0)'.
	 */
	private @Nullable Integer dimensions;

	/**
	 * Default distance metric of vector columns that do not declare one (bit columns default to hamming).
	 */
	private Metric metric = Metric.COSINE;

	/**
	 * Domain (tenant) that scopes every operation on entities with a '@DomainId' attribute. Unset means
	 * single-tenant. Ignored when the application defines its own DomainResolver bean.
	 */
	private @Nullable String domain;

	/**
	 * Whether to also enforce domain scoping with PostgreSQL row-level security: policies on every @DomainId table
	 * (created with the schema) keyed on the 'vector_jpa.domain' setting, which is set per transaction.
	 */
	private boolean domainRowLevelSecurity = false;

	/**
	 * Whether to run 'CREATE EXTENSION IF NOT EXISTS vector' at start-up, before Hibernate creates or validates the
	 * schema.
	 */
	private boolean createExtension = true;

	/**
	 * Whether to fail start-up when a mapped vector column is missing or has another type or dimension in the
	 * database, or when the installed pgvector is too old for a configured feature.
	 */
	private boolean validateSchema = true;

	/**
	 * Whether searches switch the pooled connections they use to binary vector transfer for all statements
	 * (pgvector-java's PGvector.addVectorType, once per connection). Searches receive their own rows' vectors in binary
	 * without it; this also sends vectors in binary, but changes those connections for all code: getObject of a
	 * vector column then returns a PGvector.
	 */
	private boolean binaryTransfer;

	private final Index index = new Index();

	private final Search search = new Search();

	private final Store store = new Store();

	private final ReadReplica readReplica = new ReadReplica();

	private final DomainPartitioning domainPartitions = new DomainPartitioning();

	private final Embedding embedding = new Embedding();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Integer getDimensions() {
		return this.dimensions;
	}

	public void setDimensions(@Nullable Integer dimensions) {
		this.dimensions = dimensions;
	}

	public Metric getMetric() {
		return this.metric;
	}

	public void setMetric(Metric metric) {
		this.metric = metric;
	}

	public @Nullable String getDomain() {
		return this.domain;
	}

	public void setDomain(@Nullable String domain) {
		this.domain = domain;
	}

	public boolean isDomainRowLevelSecurity() {
		return this.domainRowLevelSecurity;
	}

	public void setDomainRowLevelSecurity(boolean domainRowLevelSecurity) {
		this.domainRowLevelSecurity = domainRowLevelSecurity;
	}

	public boolean isCreateExtension() {
		return this.createExtension;
	}

	public void setCreateExtension(boolean createExtension) {
		this.createExtension = createExtension;
	}

	public boolean isValidateSchema() {
		return this.validateSchema;
	}

	public void setValidateSchema(boolean validateSchema) {
		this.validateSchema = validateSchema;
	}

	public boolean isBinaryTransfer() {
		return this.binaryTransfer;
	}

	public void setBinaryTransfer(boolean binaryTransfer) {
		this.binaryTransfer = binaryTransfer;
	}

	public Index getIndex() {
		return this.index;
	}

	public Search getSearch() {
		return this.search;
	}

	public Store getStore() {
		return this.store;
	}

	public ReadReplica getReadReplica() {
		return this.readReplica;
	}

	public DomainPartitioning getDomainPartitions() {
		return this.domainPartitions;
	}

	public Embedding getEmbedding() {
		return this.embedding;
	}

	/**
	 * Embedding-model calls for '@VectorColumn(embeddedFrom = ...)' attributes and text queries.
	 */
	public static class Embedding {

		/**
		 * Maximum number of texts sent to the embedding model in one call.
		 */
		private int batchSize = 32;

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

	}

	/**
	 * Index defaults, for '@VectorIndex' attributes that leave a value unset and for the store.
	 */
	public static class Index {

		/**
		 * Default index type of vector attributes without '@VectorIndex' (and of the store table).
		 */
		private IndexType type = IndexType.NONE;

		/**
		 * Whether to create declared indexes at start-up (HNSW at once, IVFFlat once the table holds 'min-rows'
		 * rows). Otherwise indexes are created only through VectorIndexManager or Liquibase.
		 */
		private boolean autoCreate = false;

		/**
		 * Number of rows a table must hold before an IVFFlat index is created automatically.
		 */
		private int minRows = 1000;

		/**
		 * Whether to build indexes with 'CREATE INDEX CONCURRENTLY' (no write lock, slower, outside a
		 * transaction).
		 */
		private boolean concurrently = false;

		/**
		 * Value of 'maintenance_work_mem' for index builds (HNSW builds are much faster when the graph fits).
		 * Unset uses the server's setting.
		 */
		private @Nullable DataSize maintenanceWorkMem;

		private final Hnsw hnsw = new Hnsw();

		private final Ivfflat ivfflat = new Ivfflat();

		public IndexType getType() {
			return this.type;
		}

		public void setType(IndexType type) {
			this.type = type;
		}

		public boolean isAutoCreate() {
			return this.autoCreate;
		}

		public void setAutoCreate(boolean autoCreate) {
			this.autoCreate = autoCreate;
		}

		public int getMinRows() {
			return this.minRows;
		}

		public void setMinRows(int minRows) {
			this.minRows = minRows;
		}

		public boolean isConcurrently() {
			return this.concurrently;
		}

		public void setConcurrently(boolean concurrently) {
			this.concurrently = concurrently;
		}

		public @Nullable DataSize getMaintenanceWorkMem() {
			return this.maintenanceWorkMem;
		}

		public void setMaintenanceWorkMem(@Nullable DataSize maintenanceWorkMem) {
			this.maintenanceWorkMem = maintenanceWorkMem;
		}

		public Hnsw getHnsw() {
			return this.hnsw;
		}

		public Ivfflat getIvfflat() {
			return this.ivfflat;
		}

	}

	/**
	 * HNSW build parameters.
	 */
	public static class Hnsw {

		/**
		 * Maximum number of connections per layer (2-100); higher improves recall and costs memory.
		 */
		private int m = 16;

		/**
		 * Size of the candidate list while building (4-1000, at least 2 * m); higher improves recall and slows
		 * builds.
		 */
		private int efConstruction = 64;

		public int getM() {
			return this.m;
		}

		public void setM(int m) {
			this.m = m;
		}

		public int getEfConstruction() {
			return this.efConstruction;
		}

		public void setEfConstruction(int efConstruction) {
			this.efConstruction = efConstruction;
		}

	}

	/**
	 * IVFFlat build parameters.
	 */
	public static class Ivfflat {

		/**
		 * Number of inverted lists (1-32768). Unset computes max(rows / 1000, 10), or sqrt(rows) above one million
		 * rows, when the index is built.
		 */
		private @Nullable Integer lists;

		public @Nullable Integer getLists() {
			return this.lists;
		}

		public void setLists(@Nullable Integer lists) {
			this.lists = lists;
		}

	}

	/**
	 * Search defaults, applied with 'SET LOCAL' when a query's SearchOptions leave them unset.
	 */
	public static class Search {

		/**
		 * HNSW 'hnsw.ef_search': candidate list size while searching (1-1000). Unset uses the server's setting.
		 */
		private @Nullable Integer efSearch;

		/**
		 * IVFFlat 'ivfflat.probes': number of lists visited per query (1-32768). Unset uses the server's setting.
		 */
		private @Nullable Integer probes;

		/**
		 * Iterative index scan mode for filtered queries (pgvector 0.8+). Unset uses the server's setting.
		 */
		private @Nullable IterativeScan iterativeScan;

		/**
		 * HNSW 'hnsw.max_scan_tuples': most tuples an iterative scan visits (pgvector 0.8+). Unset uses the
		 * server's setting.
		 */
		private @Nullable Integer maxScanTuples;

		/**
		 * How filtered nearest searches (criteria, metadata filters, domains) use the vector index: 'auto' scans the
		 * filtered rows exactly when a bounded count says they are few and uses the index with an iterative scan
		 * otherwise, 'index' always uses the index, 'exact' always scans the filtered rows.
		 */
		private FilterStrategy filterStrategy = FilterStrategy.AUTO;

		public @Nullable Integer getEfSearch() {
			return this.efSearch;
		}

		public void setEfSearch(@Nullable Integer efSearch) {
			this.efSearch = efSearch;
		}

		public @Nullable Integer getProbes() {
			return this.probes;
		}

		public void setProbes(@Nullable Integer probes) {
			this.probes = probes;
		}

		public @Nullable IterativeScan getIterativeScan() {
			return this.iterativeScan;
		}

		public void setIterativeScan(@Nullable IterativeScan iterativeScan) {
			this.iterativeScan = iterativeScan;
		}

		public @Nullable Integer getMaxScanTuples() {
			return this.maxScanTuples;
		}

		public void setMaxScanTuples(@Nullable Integer maxScanTuples) {
			this.maxScanTuples = maxScanTuples;
		}

		public FilterStrategy getFilterStrategy() {
			return this.filterStrategy;
		}

		public void setFilterStrategy(FilterStrategy filterStrategy) {
			this.filterStrategy = filterStrategy;
		}

	}

	/**
	 * Entity-less VectorStore settings; the table matches the reference backend's schema.
	 */
	public static class Store {

		/**
		 * Whether to expose a VectorStore bean backed by a table of its own.
		 */
		private boolean enabled = false;

		/**
		 * Schema of the store table.
		 */
		private String schema = "public";

		/**
		 * Name of the store table.
		 */
		private String table = "knowledge_embeddings";

		/**
		 * Type of the store's id column.
		 */
		private IdType idType = IdType.UUID;

		/**
		 * Whether to create the store table (and its indexes) at start-up when it does not exist.
		 */
		private boolean autoCreateTable = true;

		private final Columns columns = new Columns();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getSchema() {
			return this.schema;
		}

		public void setSchema(String schema) {
			this.schema = schema;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public IdType getIdType() {
			return this.idType;
		}

		public void setIdType(IdType idType) {
			this.idType = idType;
		}

		public boolean isAutoCreateTable() {
			return this.autoCreateTable;
		}

		public void setAutoCreateTable(boolean autoCreateTable) {
			this.autoCreateTable = autoCreateTable;
		}

		public Columns getColumns() {
			return this.columns;
		}

	}

	/**
	 * Column names of the store table.
	 */
	public static class Columns {

		/**
		 * Name of the id column.
		 */
		private String id = "id";

		/**
		 * Name of the vector column.
		 */
		private String embedding = "embedding";

		/**
		 * Name of the text content column.
		 */
		private String content = "content";

		/**
		 * Name of the JSONB metadata column.
		 */
		private String metadata = "metadata";

		/**
		 * Name of the domain (tenant) column.
		 */
		private String domainId = "domain_id";

		/**
		 * Name of the source document id column.
		 */
		private String documentId = "document_id";

		/**
		 * Name of the chunk index column.
		 */
		private String chunkIndex = "chunk_index";

		/**
		 * Name of the creation timestamp column.
		 */
		private String createdAt = "created_at";

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getEmbedding() {
			return this.embedding;
		}

		public void setEmbedding(String embedding) {
			this.embedding = embedding;
		}

		public String getContent() {
			return this.content;
		}

		public void setContent(String content) {
			this.content = content;
		}

		public String getMetadata() {
			return this.metadata;
		}

		public void setMetadata(String metadata) {
			this.metadata = metadata;
		}

		public String getDomainId() {
			return this.domainId;
		}

		public void setDomainId(String domainId) {
			this.domainId = domainId;
		}

		public String getDocumentId() {
			return this.documentId;
		}

		public void setDocumentId(String documentId) {
			this.documentId = documentId;
		}

		public String getChunkIndex() {
			return this.chunkIndex;
		}

		public void setChunkIndex(String chunkIndex) {
			this.chunkIndex = chunkIndex;
		}

		public String getCreatedAt() {
			return this.createdAt;
		}

		public void setCreatedAt(String createdAt) {
			this.createdAt = createdAt;
		}

	}

	/**
	 * A read replica (or several) for read-only work.
	 */
	public static class ReadReplica {

		/**
		 * JDBC URL of the read replica pool. Read-only transactions, vector searches outside a transaction and store
		 * searches and counts use it; everything else the primary ('spring.datasource.*'). A pgjdbc multi-host URL
		 * with 'targetServerType=preferSecondary&loadBalanceHosts=true' spreads them over several replicas.
		 */
		private @Nullable String url;

		/**
		 * Login user of the read replica. Defaults to the primary's ('spring.datasource.username').
		 */
		private @Nullable String username;

		/**
		 * Login password of the read replica. Defaults to the primary's ('spring.datasource.password').
		 */
		private @Nullable String password;

		/**
		 * Maximum number of connections of the read replica pool.
		 */
		private int maximumPoolSize = 10;

		/**
		 * How long to wait for a replica connection before failing over to the primary.
		 */
		private Duration connectionTimeout = Duration.ofSeconds(2);

		/**
		 * How long read-only work stays on the primary after the replica could not be reached, before the replica is
		 * tried again.
		 */
		private Duration retryInterval = Duration.ofSeconds(10);

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public int getMaximumPoolSize() {
			return this.maximumPoolSize;
		}

		public void setMaximumPoolSize(int maximumPoolSize) {
			this.maximumPoolSize = maximumPoolSize;
		}

		public Duration getConnectionTimeout() {
			return this.connectionTimeout;
		}

		public void setConnectionTimeout(Duration connectionTimeout) {
			this.connectionTimeout = connectionTimeout;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

		@Override
		public String toString() {
			// never the password
			return "ReadReplica[url=" + ((this.url != null) ? this.url.replaceAll("(?i)(password=)[^&]*", "$1****")
					: null) + ", username=" + this.username + "]";
		}

	}

	/**
	 * Tables laid out with one list partition per domain.
	 */
	public static class DomainPartitioning {

		/**
		 * Tables partitioned 'BY LIST' on their domain column whose partition of the current domain is created on
		 * first use of that domain (the ANN index comes from the partitioned table's index).
		 */
		private List<String> tables = new ArrayList<>();

		/**
		 * Schema of those tables. Unset means the connection's current schema.
		 */
		private @Nullable String schema;

		public List<String> getTables() {
			return this.tables;
		}

		public void setTables(List<String> tables) {
			this.tables = tables;
		}

		public @Nullable String getSchema() {
			return this.schema;
		}

		public void setSchema(@Nullable String schema) {
			this.schema = schema;
		}

	}

}
