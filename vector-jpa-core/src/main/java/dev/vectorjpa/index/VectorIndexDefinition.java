package dev.vectorjpa.index;

import java.util.Locale;

import dev.vectorjpa.Metric;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to write the DDL of one vector index; the single DDL builder shared by
 * {@code VectorIndexManager}, the Liquibase change types and the entity-less store.
 *
 * @param schema schema of the table, or {@code null} for the search path
 * @param table table name (unquoted)
 * @param column vector column name (unquoted)
 * @param vectorType the column's pgvector type
 * @param metric the metric whose operator the index must serve
 * @param type HNSW or IVFFLAT
 * @param m HNSW m, or {@code null} for the server default
 * @param efConstruction HNSW ef_construction, or {@code null} for the server default
 * @param lists IVFFlat lists, or {@code null} for the server default
 * @param concurrently whether to build with {@code CONCURRENTLY}
 * @param name index name, or {@code null} for {@link #defaultName}
 * @param where partial-index predicate written by the application developer (never user input), or {@code null}
 * @since 0.1
 */
public record VectorIndexDefinition(@Nullable String schema, String table, String column, VectorType vectorType,
		Metric metric, IndexType type, @Nullable Integer m, @Nullable Integer efConstruction, @Nullable Integer lists,
		boolean concurrently, @Nullable String name, @Nullable String where) {

	/** Validates identifiers, ranges and the metric/type/index combination. */
	public VectorIndexDefinition {
		if (schema != null && !schema.isEmpty()) {
			SqlIdentifiers.validate(schema, "index schema");
		}
		SqlIdentifiers.validate(table, "index table");
		SqlIdentifiers.validate(column, "index column");
		if (name != null) {
			SqlIdentifiers.validate(name, "index name");
		}
		if (type == IndexType.NONE) {
			throw new IllegalArgumentException("Index type NONE has no DDL; use HNSW or IVFFLAT");
		}
		if (!metric.supports(vectorType)) {
			metric.operatorClass(vectorType);
		}
		if (!metric.supportsIndex(type, vectorType)) {
			throw new IllegalArgumentException("pgvector has no " + type + " index for " + metric + " on "
					+ vectorType.sqlName() + " columns (" + table + "." + column + ")"
					+ ((type == IndexType.IVFFLAT) ? "; use HNSW" : ""));
		}
		if (type == IndexType.HNSW) {
			IndexParams.validateHnsw((m != null) ? m : 16, (efConstruction != null) ? efConstruction : 64);
		}
		if (lists != null) {
			IndexParams.validateLists(lists);
		}
	}

	/** The index name: the one given, or {@link #defaultName}. */
	public String indexName() {
		return (this.name != null) ? this.name : defaultName(this.table, this.column, this.type, this.metric);
	}

	/** The operator class matching the metric and column type, e.g. {@code halfvec_cosine_ops}. */
	public String operatorClass() {
		return this.metric.operatorClass(this.vectorType);
	}

	/** {@code CREATE INDEX [CONCURRENTLY] IF NOT EXISTS "name" ON "schema"."table" USING hnsw ("col" ops) WITH (...)}. */
	public String createSql() {
		StringBuilder sql = new StringBuilder("CREATE INDEX ");
		if (this.concurrently) {
			sql.append("CONCURRENTLY ");
		}
		sql.append("IF NOT EXISTS ").append(SqlIdentifiers.quote(indexName(), "index name")).append(" ON ")
			.append(qualifiedTable())
			.append(" USING ")
			.append(this.type.name().toLowerCase(Locale.ROOT))
			.append(" (")
			.append(SqlIdentifiers.quote(this.column, "index column"))
			.append(' ')
			.append(operatorClass())
			.append(')');
		String with = withClause();
		if (!with.isEmpty()) {
			sql.append(" WITH (").append(with).append(')');
		}
		if (this.where != null && !this.where.isBlank()) {
			sql.append(" WHERE ").append(this.where);
		}
		return sql.toString();
	}

	/** {@code DROP INDEX [CONCURRENTLY] IF EXISTS "schema"."name"}. */
	public String dropSql() {
		return dropSql(this.schema, indexName(), this.concurrently);
	}

	/**
	 * {@code DROP INDEX [CONCURRENTLY] IF EXISTS "schema"."name"} for an index known by name only (e.g. Liquibase's
	 * {@code dropVectorIndex indexName="..."}); the identifiers are validated.
	 */
	public static String dropSql(@Nullable String schema, String indexName, boolean concurrently) {
		return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + "IF EXISTS "
				+ SqlIdentifiers.qualified(schema, indexName, "index name");
	}

	/** {@code REINDEX INDEX [CONCURRENTLY] "schema"."name"}. */
	public String reindexSql() {
		return reindexSql(this.schema, indexName(), this.concurrently);
	}

	/** {@code REINDEX INDEX [CONCURRENTLY] "schema"."name"} for an index known by name only. */
	public static String reindexSql(@Nullable String schema, String indexName, boolean concurrently) {
		return "REINDEX INDEX " + (concurrently ? "CONCURRENTLY " : "")
				+ SqlIdentifiers.qualified(schema, indexName, "index name");
	}

	/** A copy of this definition with the given IVFFlat {@code lists}. */
	public VectorIndexDefinition withLists(int lists) {
		return new VectorIndexDefinition(this.schema, this.table, this.column, this.vectorType, this.metric, this.type,
				this.m, this.efConstruction, lists, this.concurrently, this.name, this.where);
	}

	/**
	 * Checks that a column of {@code dimensions} fits this index type's limit for the column type.
	 * @param owner what the column belongs to, for the message, e.g. {@code Document.embedding}
	 * @throws IllegalArgumentException when it has more dimensions than pgvector can index
	 */
	public void checkDimensions(int dimensions, String owner) {
		int max = this.vectorType.maxIndexedDimensions();
		if (dimensions > max) {
			String advice = switch (this.vectorType) {
				case VECTOR -> "use halfvec (up to " + VectorType.HALFVEC.maxIndexedDimensions()
						+ ") or reduce dimensions";
				case HALFVEC -> "use bit (binary quantization, up to " + VectorType.BIT.maxIndexedDimensions()
						+ ") or reduce dimensions";
				default -> "reduce dimensions";
			};
			throw new IllegalArgumentException(owner + " has " + dimensions + " dimensions; " + this.type + " on "
					+ this.vectorType.sqlName() + " supports at most " + max + ": " + advice);
		}
	}

	/** The quoted, schema-qualified table. */
	public String qualifiedTable() {
		return SqlIdentifiers.qualified(this.schema, this.table, "index table");
	}

	private String withClause() {
		StringBuilder with = new StringBuilder();
		if (this.type == IndexType.HNSW) {
			if (this.m != null) {
				with.append("m = ").append(this.m.intValue());
			}
			if (this.efConstruction != null) {
				with.append((with.length() > 0) ? ", " : "").append("ef_construction = ")
					.append(this.efConstruction.intValue());
			}
		}
		else if (this.lists != null) {
			with.append("lists = ").append(this.lists.intValue());
		}
		return with.toString();
	}

	/**
	 * The deterministic default name {@code <table>_<column>_<hnsw|ivfflat>_<metric>_idx}, e.g.
	 * {@code document_embedding_hnsw_cosine_idx}; names over 63 characters are shortened and end in a hash.
	 */
	public static String defaultName(String table, String column, IndexType type, Metric metric) {
		return SqlIdentifiers.shorten(table + "_" + column + "_" + type.name() + "_" + metric.name() + "_idx");
	}

}
