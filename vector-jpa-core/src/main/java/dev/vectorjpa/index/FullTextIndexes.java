package dev.vectorjpa.index;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

import dev.vectorjpa.hibernate.MappedAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * The full-text side of hybrid search: the one {@code to_tsvector} expression that both {@code findHybrid} and the
 * GIN index use (the planner only uses an expression index for the identical expression).
 *
 * @since 0.1
 */
public final class FullTextIndexes {

	private FullTextIndexes() {
	}

	/**
	 * {@code to_tsvector('config'::regconfig, column)}.
	 * @param config a validated text search configuration name ({@code @FullText(config)})
	 * @param column the column as it appears in SQL (possibly qualified by an alias)
	 */
	public static String tsvector(String config, String column) {
		return "to_tsvector('" + config + "'::regconfig, " + column + ")";
	}

	/** The deterministic name of an entity's full-text index: {@code <table>_<column>_fts_idx}. */
	public static String indexName(VectorEntityMetadata metadata) {
		return indexName(metadata.tableName(), requireFullText(metadata).columnName());
	}

	/**
	 * The deterministic name of the full-text index of {@code table.column}: {@code <table>_<column>_fts_idx}, names
	 * over 63 characters shortened and ending in a hash.
	 */
	public static String indexName(String table, String column) {
		String name = (table + "_" + column + "_fts_idx").toLowerCase(Locale.ROOT);
		if (name.length() <= 63) {
			return name;
		}
		CRC32 crc = new CRC32();
		crc.update(name.getBytes(StandardCharsets.UTF_8));
		return name.substring(0, 63 - 9) + "_" + String.format("%08x", crc.getValue());
	}

	/** {@code CREATE INDEX IF NOT EXISTS "name" ON table USING gin (to_tsvector(...))}. */
	public static String createSql(VectorEntityMetadata metadata) {
		MappedAttribute text = requireFullText(metadata);
		return "CREATE INDEX IF NOT EXISTS " + SqlIdentifiers.quote(indexName(metadata), "full-text index name")
				+ " ON " + metadata.table() + " USING gin (" + tsvector(metadata.fullTextConfig(), text.column()) + ")";
	}

	/**
	 * {@code CREATE INDEX IF NOT EXISTS "name" ON "schema"."table" USING gin (to_tsvector('config'::regconfig,
	 * "column"))}: the DDL of {@link #createSql(VectorEntityMetadata)} for a table known by name (migrations).
	 * @param schema the table's schema, or {@code null} for the search path
	 * @param config the text search configuration, e.g. {@code english}
	 */
	public static String createSql(@Nullable String schema, String table, String column, String config) {
		if (config == null || !config.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("Invalid text search configuration '" + config
					+ "' (expected a name like 'english' or 'simple')");
		}
		return "CREATE INDEX IF NOT EXISTS " + SqlIdentifiers.quote(indexName(table, column), "full-text index name")
				+ " ON " + SqlIdentifiers.qualified(schema, table, "full-text index table") + " USING gin ("
				+ tsvector(config, SqlIdentifiers.quote(column, "full-text column")) + ")";
	}

	private static MappedAttribute requireFullText(VectorEntityMetadata metadata) {
		MappedAttribute text = metadata.fullText();
		if (text == null) {
			throw new IllegalArgumentException(metadata.javaType().getSimpleName() + " has no @FullText attribute");
		}
		return text;
	}

}
