package dev.vectorjpa.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vectorjpa.jdbc.SqlIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * Every SQL statement of one store, built once from its settings: identifiers quoted, values left as parameters.
 */
final class StoreSql {

	private static final AtomicInteger STAGING_NUMBERS = new AtomicInteger();

	final String qualifiedTable;

	final String createSchema;

	final String createTable;

	final String insert;

	final String createStaging;

	final String truncateStaging;

	final String stagingTable;

	final List<String> stagingColumns = List.of("id", "domain_id", "document_id", "chunk_index", "content",
			"embedding", "metadata");

	final String insertFromStaging;

	final String search;

	final String searchFilteredPrefix;

	final String searchSuffix;

	final String getWithMetadata;

	final String getWithoutMetadata;

	final String updateMetadata;

	final String delete;

	final String count;

	final String countFilteredPrefix;

	final String countAll;

	final String clear;

	final String countIdsInDomain;

	final @Nullable String domain;

	final String metadataColumn;

	StoreSql(VectorStoreSettings settings) {
		this.domain = settings.domain();
		String table = SqlIdentifiers.qualified(settings.schema(), settings.table(), "vector-jpa.store.table");
		this.qualifiedTable = table;
		String id = quote(settings, StoreColumn.ID);
		String embedding = quote(settings, StoreColumn.EMBEDDING);
		String content = quote(settings, StoreColumn.CONTENT);
		String metadata = quote(settings, StoreColumn.METADATA);
		String domainId = quote(settings, StoreColumn.DOMAIN_ID);
		String documentId = quote(settings, StoreColumn.DOCUMENT_ID);
		String chunkIndex = quote(settings, StoreColumn.CHUNK_INDEX);
		String createdAt = quote(settings, StoreColumn.CREATED_AT);
		boolean uuid = settings.idType() == IdType.UUID;
		String vectorType = "vector(" + settings.dimensions() + ")";

		this.createSchema = "CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(settings.schema(), "vector-jpa.store.schema");
		// The reference backend's schema, column for column.
		this.createTable = "CREATE TABLE IF NOT EXISTS " + table + " (" + id
				+ (uuid ? " UUID PRIMARY KEY DEFAULT gen_random_uuid()" : " TEXT PRIMARY KEY") + ", " + domainId
				+ " VARCHAR(100), " + documentId + " VARCHAR(255), " + chunkIndex + " INTEGER, " + content + " TEXT, "
				+ embedding + " " + vectorType + ", " + metadata + " JSONB DEFAULT '{}', " + createdAt
				+ " TIMESTAMP DEFAULT NOW())";

		String columns = id + ", " + domainId + ", " + documentId + ", " + chunkIndex + ", " + content + ", " + embedding
				+ ", " + metadata;
		// An existing id is replaced, but never across domains: the guard leaves another domain's row alone, the
		// update count then falls short and the store rolls the whole call back.
		String upsert = " ON CONFLICT (" + id + ") DO UPDATE SET " + domainId + " = EXCLUDED." + domainId + ", "
				+ documentId + " = EXCLUDED." + documentId + ", " + chunkIndex + " = EXCLUDED." + chunkIndex + ", "
				+ content + " = EXCLUDED." + content + ", " + embedding + " = EXCLUDED." + embedding + ", " + metadata
				+ " = EXCLUDED." + metadata
				+ ((this.domain != null) ? " WHERE target." + domainId + " = EXCLUDED." + domainId : "");
		this.insert = "INSERT INTO " + table + " AS target (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)"
				+ upsert;
		// A temporary table per store instance, so that stores of different dimensions never share one.
		this.stagingTable = "vectorjpa_store_staging_" + STAGING_NUMBERS.incrementAndGet();
		this.createStaging = "CREATE TEMPORARY TABLE IF NOT EXISTS " + this.stagingTable + " (id "
				+ (uuid ? "uuid" : "text") + ", domain_id varchar(100), document_id varchar(255), chunk_index integer, "
				+ "content text, embedding " + vectorType + ", metadata jsonb) ON COMMIT DROP";
		this.truncateStaging = "TRUNCATE " + this.stagingTable;
		this.insertFromStaging = "INSERT INTO " + table + " AS target (" + columns + ") SELECT "
				+ String.join(", ", this.stagingColumns) + " FROM pg_temp." + this.stagingTable + upsert;

		String domainCondition = domainId + " = ?";
		String domainWhere = (this.domain != null) ? " WHERE " + domainCondition : "";
		String domainAnd = (this.domain != null) ? " AND " + domainCondition : "";
		String select = "SELECT " + id + ", " + embedding + " " + settings.metric().operator() + " ? AS vjpa_distance, "
				+ metadata + ", " + content + " FROM " + table;
		// ORDER BY the distance alias is the same expression as the index's, so an ANN index serves it.
		this.searchSuffix = " ORDER BY vjpa_distance LIMIT ?";
		// Rows without a vector (possible in an existing table) have no distance: never return them as matches.
		String hasVector = embedding + " IS NOT NULL";
		this.search = select + " WHERE " + hasVector + domainAnd + this.searchSuffix;
		this.searchFilteredPrefix = select + " WHERE " + hasVector + domainAnd + " AND ";
		this.getWithMetadata = "SELECT " + id + ", " + embedding + ", " + metadata + " FROM " + table + " WHERE " + id
				+ " = ANY(?)" + domainAnd;
		this.getWithoutMetadata = "SELECT " + id + ", " + embedding + " FROM " + table + " WHERE " + id + " = ANY(?)"
				+ domainAnd;
		this.updateMetadata = "UPDATE " + table + " SET " + metadata + " = ?::jsonb WHERE " + id + " = ?" + domainAnd;
		this.delete = "DELETE FROM " + table + " WHERE " + id + " = ANY(?)" + domainAnd;
		this.count = "SELECT count(*) FROM " + table + domainWhere;
		this.countFilteredPrefix = "SELECT count(*) FROM " + table + " WHERE "
				+ ((this.domain != null) ? domainCondition + " AND " : "");
		this.countAll = "SELECT count(*) FROM " + table;
		this.clear = "DELETE FROM " + table + domainWhere;
		this.countIdsInDomain = "SELECT count(*) FROM " + table + " WHERE " + id + " = ANY(?)" + domainAnd;
		this.metadataColumn = metadata;
	}

	private static String quote(VectorStoreSettings settings, StoreColumn column) {
		return SqlIdentifiers.quote(settings.column(column), "vector-jpa.store.columns." + column.propertyName());
	}

}
