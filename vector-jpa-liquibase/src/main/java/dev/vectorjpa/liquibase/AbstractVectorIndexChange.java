package dev.vectorjpa.liquibase;

import dev.vectorjpa.Metric;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.mapping.IndexType;
import liquibase.change.AbstractChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of a vector index shared by {@code createVectorIndex} and {@code dropVectorIndex}, turned into
 * the one {@link VectorIndexDefinition} that writes the DDL.
 *
 * @since 0.1
 */
public abstract class AbstractVectorIndexChange extends AbstractChange {

	private @Nullable String schemaName;

	private @Nullable String tableName;

	private @Nullable String columnName;

	private @Nullable String indexName;

	private @Nullable String type;

	private @Nullable String metric;

	private @Nullable String vectorType;

	private @Nullable Integer m;

	private @Nullable Integer efConstruction;

	private @Nullable Integer lists;

	private @Nullable Boolean concurrently;

	private @Nullable String where;

	/** The change type's name, for messages. */
	protected abstract String changeName();

	/** The table's schema, or {@code null} for Liquibase's default schema. */
	@DatabaseChangeProperty(description = "Schema of the table (default: the changelog's default schema)",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getSchemaName() {
		return this.schemaName;
	}

	/** Sets the table's schema. */
	public void setSchemaName(@Nullable String schemaName) {
		this.schemaName = schemaName;
	}

	/** The table holding the vector column. */
	@DatabaseChangeProperty(description = "Table holding the vector column", exampleValue = "document",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getTableName() {
		return this.tableName;
	}

	/** Sets the table holding the vector column. */
	public void setTableName(@Nullable String tableName) {
		this.tableName = tableName;
	}

	/** The vector column. */
	@DatabaseChangeProperty(description = "The vector column", exampleValue = "embedding",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getColumnName() {
		return this.columnName;
	}

	/** Sets the vector column. */
	public void setColumnName(@Nullable String columnName) {
		this.columnName = columnName;
	}

	/** The index name, or {@code null} for vector-jpa's default {@code <table>_<column>_<type>_<metric>_idx}. */
	@DatabaseChangeProperty(description = "Index name (default: <table>_<column>_<type>_<metric>_idx, as VectorIndexManager names it)",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getIndexName() {
		return this.indexName;
	}

	/** Sets the index name. */
	public void setIndexName(@Nullable String indexName) {
		this.indexName = indexName;
	}

	/** {@code hnsw} (default) or {@code ivfflat}. */
	@DatabaseChangeProperty(description = "hnsw (default) or ivfflat", exampleValue = "hnsw",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getType() {
		return this.type;
	}

	/** Sets the index type. */
	public void setType(@Nullable String type) {
		this.type = type;
	}

	/** The metric the index serves: cosine (default), euclidean/l2, inner_product/ip, l1, hamming, jaccard. */
	@DatabaseChangeProperty(description = "cosine (default), euclidean (l2), inner_product (ip), l1, hamming or jaccard",
			exampleValue = "cosine", requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getMetric() {
		return this.metric;
	}

	/** Sets the metric. */
	public void setMetric(@Nullable String metric) {
		this.metric = metric;
	}

	/** The column's pgvector type: vector (default), halfvec, sparsevec or bit; it picks the operator class. */
	@DatabaseChangeProperty(description = "The column's type: vector (default), halfvec, sparsevec or bit",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getVectorType() {
		return this.vectorType;
	}

	/** Sets the column's pgvector type. */
	public void setVectorType(@Nullable String vectorType) {
		this.vectorType = vectorType;
	}

	/** HNSW {@code m}, or {@code null} for the server default (16). */
	@DatabaseChangeProperty(description = "HNSW m, 2..100 (default: the server's, 16)", requiredForDatabase = "none",
			supportsDatabase = "postgresql")
	public @Nullable Integer getM() {
		return this.m;
	}

	/** Sets HNSW {@code m}. */
	public void setM(@Nullable Integer m) {
		this.m = m;
	}

	/** HNSW {@code ef_construction}, or {@code null} for the server default (64). */
	@DatabaseChangeProperty(description = "HNSW ef_construction, 4..1000 and at least 2 * m (default: the server's, 64)",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable Integer getEfConstruction() {
		return this.efConstruction;
	}

	/** Sets HNSW {@code ef_construction}. */
	public void setEfConstruction(@Nullable Integer efConstruction) {
		this.efConstruction = efConstruction;
	}

	/** IVFFlat {@code lists}, or {@code null} for the server default (100). */
	@DatabaseChangeProperty(description = "IVFFlat lists, 1..32768 (default: the server's, 100)",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable Integer getLists() {
		return this.lists;
	}

	/** Sets IVFFlat {@code lists}. */
	public void setLists(@Nullable Integer lists) {
		this.lists = lists;
	}

	/** Whether to build or drop with {@code CONCURRENTLY}; the changeset then needs {@code runInTransaction: false}. */
	@DatabaseChangeProperty(description = "CONCURRENTLY (default false); requires runInTransaction: false on the changeset",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable Boolean getConcurrently() {
		return this.concurrently;
	}

	/** Sets whether to use {@code CONCURRENTLY}. */
	public void setConcurrently(@Nullable Boolean concurrently) {
		this.concurrently = concurrently;
	}

	/** A partial-index predicate written as SQL, or {@code null}. */
	@DatabaseChangeProperty(description = "Partial index predicate (SQL), e.g. category = 'news'",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getWhere() {
		return this.where;
	}

	/** Sets the partial-index predicate. */
	public void setWhere(@Nullable String where) {
		this.where = where;
	}

	/** Whether {@code CONCURRENTLY} was asked for. */
	protected boolean isConcurrently() {
		return Boolean.TRUE.equals(this.concurrently);
	}

	/** Whether the table and column are known, so that a full {@link VectorIndexDefinition} can be built. */
	protected boolean hasDefinition() {
		return this.tableName != null && this.columnName != null;
	}

	/**
	 * The index definition these attributes describe, in {@code schemaName} or else the schema Liquibase writes its
	 * own unqualified objects to, so that the index lands next to the table {@code createTable} made.
	 * @throws IllegalArgumentException naming the attribute and the expected values when one is wrong
	 */
	public VectorIndexDefinition toDefinition(Database database) {
		return definitionIn(schema(database));
	}

	/** The schema to qualify names with: {@code schemaName}, else Liquibase's default schema when it outputs it. */
	protected @Nullable String schema(Database database) {
		return VectorChangeSupport.schema(this.schemaName, database);
	}

	/**
	 * The index definition these attributes describe, in {@code schema}.
	 * @throws IllegalArgumentException naming the attribute and the expected values when one is wrong
	 */
	protected VectorIndexDefinition definitionIn(@Nullable String schema) {
		String change = changeName();
		if (this.tableName == null || this.columnName == null) {
			throw new IllegalArgumentException(change + " needs tableName and columnName");
		}
		IndexType indexType = VectorChangeSupport.indexType(change, this.type);
		Metric parsedMetric;
		try {
			parsedMetric = (this.metric != null) ? Metric.parse(this.metric) : Metric.COSINE;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(change + " metric: " + ex.getMessage(), ex);
		}
		if (indexType == IndexType.IVFFLAT && (this.m != null || this.efConstruction != null)) {
			throw new IllegalArgumentException(change + " m and efConstruction apply to hnsw indexes only, not ivfflat");
		}
		if (indexType == IndexType.HNSW && this.lists != null) {
			throw new IllegalArgumentException(change + " lists applies to ivfflat indexes only, not hnsw");
		}
		return new VectorIndexDefinition(schema, this.tableName, this.columnName,
				VectorChangeSupport.vectorType(change, this.vectorType), parsedMetric, indexType, this.m,
				this.efConstruction, this.lists, isConcurrently(), this.indexName, this.where);
	}

	/** Copies every attribute to {@code target}, for the inverse change of a rollback. */
	protected void copyTo(AbstractVectorIndexChange target) {
		target.setSchemaName(this.schemaName);
		target.setTableName(this.tableName);
		target.setColumnName(this.columnName);
		target.setIndexName(this.indexName);
		target.setType(this.type);
		target.setMetric(this.metric);
		target.setVectorType(this.vectorType);
		target.setM(this.m);
		target.setEfConstruction(this.efConstruction);
		target.setLists(this.lists);
		target.setConcurrently(this.concurrently);
		target.setWhere(this.where);
	}

	/** Validation shared by both change types; subclasses add their own rules to the result. */
	@Override
	public ValidationErrors validate(Database database) {
		ValidationErrors errors = new ValidationErrors(this);
		if (!(database instanceof PostgresDatabase)) {
			errors.addError(VectorChangeSupport.unsupported(changeName(), database));
		}
		if (isConcurrently()) {
			String transactional = VectorChangeSupport.concurrentlyOutsideTransaction(changeName(), getChangeSet());
			if (transactional != null) {
				errors.addError(transactional);
			}
		}
		return errors;
	}

	@Override
	public boolean supports(Database database) {
		return database instanceof PostgresDatabase;
	}

	// The statements depend on the attributes only, never on the database's state.
	@Override
	public boolean generateStatementsVolatile(Database database) {
		return false;
	}

	// AbstractChange derives warnings by generating statements, which must not happen before validation.
	@Override
	public Warnings warn(Database database) {
		return new Warnings();
	}

	@Override
	protected void customLoadLogic(ParsedNode parsedNode, ResourceAccessor resourceAccessor)
			throws ParsedNodeException {
		VectorChangeSupport.rejectUnknownAttributes(this, parsedNode);
	}

	@Override
	public String getSerializedObjectNamespace() {
		return VectorNamespaceDetails.NAMESPACE;
	}

}
