package dev.vectorjpa.index;

import java.util.Locale;

import dev.vectorjpa.hibernate.MappedAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.jdbc.SqlIdentifiers;

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
		MappedAttribute text = requireFullText(metadata);
		String name = (metadata.tableName() + "_" + text.columnName() + "_fts_idx").toLowerCase(Locale.ROOT);
		return SqlIdentifiers.shorten(name);
	}

	/** {@code CREATE INDEX IF NOT EXISTS "name" ON table USING gin (to_tsvector(...))}. */
	public static String createSql(VectorEntityMetadata metadata) {
		MappedAttribute text = requireFullText(metadata);
		return "CREATE INDEX IF NOT EXISTS " + SqlIdentifiers.quote(indexName(metadata), "full-text index name")
				+ " ON " + metadata.table() + " USING gin (" + tsvector(metadata.fullTextConfig(), text.column()) + ")";
	}

	private static MappedAttribute requireFullText(VectorEntityMetadata metadata) {
		MappedAttribute text = metadata.fullText();
		if (text == null) {
			throw new IllegalArgumentException(metadata.javaType().getSimpleName() + " has no @FullText attribute");
		}
		return text;
	}

}
