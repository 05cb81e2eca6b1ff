package dev.vectorjpa.index;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vectorjpa.mapping.IndexType;
import org.jspecify.annotations.Nullable;

/**
 * Catalog queries about vector indexes, always on a connection the caller owns; schemas default to
 * {@code current_schema()} so that nothing assumes {@code public}.
 */
final class IndexCatalog {

	private static final String INDEXES_SQL = """
			SELECT ic.relname, am.amname, opc.opcname, ic.reloptions, ix.indisvalid, pg_relation_size(ic.oid)
			FROM pg_index ix
			JOIN pg_class ic ON ic.oid = ix.indexrelid
			JOIN pg_class tc ON tc.oid = ix.indrelid
			JOIN pg_namespace n ON n.oid = tc.relnamespace
			JOIN pg_am am ON am.oid = ic.relam
			JOIN pg_opclass opc ON opc.oid = ix.indclass[0]
			WHERE n.nspname = coalesce(?, current_schema()) AND tc.relname = ? AND am.amname IN ('hnsw', 'ivfflat')
			ORDER BY ic.relname""";

	private static final String VALIDITY_SQL = """
			SELECT ix.indisvalid
			FROM pg_class ic
			JOIN pg_namespace n ON n.oid = ic.relnamespace
			JOIN pg_index ix ON ix.indexrelid = ic.oid
			WHERE n.nspname = coalesce(?, current_schema()) AND ic.relname = ?""";

	private static final String ESTIMATE_SQL = """
			SELECT c.reltuples::bigint
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = coalesce(?, current_schema()) AND c.relname = ?""";

	// Above this estimate count(*) would scan a large table just to pick a lists value that sqrt() makes
	// insensitive to small errors, so the planner statistics are good enough.
	static final long ESTIMATE_THRESHOLD = 1_000_000;

	private IndexCatalog() {
	}

	/** The schema itself, or the connection's {@code current_schema()} when it is null. */
	static String resolveSchema(Connection connection, @Nullable String schema) throws SQLException {
		if (schema != null && !schema.isEmpty()) {
			return schema;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT current_schema()");
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			String current = rs.getString(1);
			if (current == null) {
				throw new IllegalStateException("The connection has no current schema (empty search_path)");
			}
			return current;
		}
	}

	/** Whether the named index is valid; {@code null} when there is no index of that name. */
	static @Nullable Boolean validity(Connection connection, @Nullable String schema, String indexName)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(VALIDITY_SQL)) {
			statement.setString(1, schema);
			statement.setString(2, indexName);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getBoolean(1) : null;
			}
		}
	}

	/** The HNSW and IVFFlat indexes of a table, by name. */
	static List<IndexInfo> indexes(Connection connection, @Nullable String schema, String table) throws SQLException {
		List<IndexInfo> indexes = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(INDEXES_SQL)) {
			statement.setString(1, schema);
			statement.setString(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					indexes.add(new IndexInfo(rs.getString(1),
							IndexType.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(3),
							parameters(rs.getArray(4)), rs.getBoolean(5), rs.getLong(6)));
				}
			}
		}
		return indexes;
	}

	/** Rows in the table: exact below {@link #ESTIMATE_THRESHOLD}, the planner's estimate above. */
	static long rowCount(Connection connection, @Nullable String schema, String table, String qualifiedTable)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(ESTIMATE_SQL)) {
			statement.setString(1, schema);
			statement.setString(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				if (rs.next() && rs.getLong(1) >= ESTIMATE_THRESHOLD) {
					return rs.getLong(1);
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + qualifiedTable);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Map<String, String> parameters(@Nullable Array reloptions) throws SQLException {
		if (reloptions == null) {
			return Map.of();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (Object option : (Object[]) reloptions.getArray()) {
			String text = String.valueOf(option);
			int equals = text.indexOf('=');
			if (equals > 0) {
				parameters.put(text.substring(0, equals), text.substring(equals + 1));
			}
		}
		return Collections.unmodifiableMap(parameters);
	}

}
