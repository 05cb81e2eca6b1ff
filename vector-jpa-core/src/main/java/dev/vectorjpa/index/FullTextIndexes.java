package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.vectorjpa.hibernate.MappedAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.jdbc.AdvisoryLocks;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The full-text side of hybrid search: the one {@code to_tsvector} expression that both {@code findHybrid} and the
 * GIN index use (the planner only uses an expression index for the identical expression).
 *
 * @since 0.1
 */
public final class FullTextIndexes {

	private static final Log logger = LogFactory.getLog(FullTextIndexes.class);

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
		return SqlIdentifiers.shorten(metadata.tableName() + "_" + text.columnName() + "_fts_idx");
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

	/**
	 * Creates the entity's full-text index unless it exists, under a transaction-level advisory lock so that one of
	 * several instances starting together builds it.
	 * @return whether this call created it
	 */
	static boolean ensure(DataSource dataSource, VectorEntityMetadata metadata) {
		String name = indexName(metadata);
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				// the same transaction-level advisory lock discipline as vector indexes: one instance builds
				AdvisoryLocks.lockForTransaction(connection, "vector-jpa:fts:" + metadata.table());
				boolean exists;
				try (PreparedStatement check = connection.prepareStatement("SELECT 1 FROM pg_class c JOIN pg_namespace n "
						+ "ON n.oid = c.relnamespace WHERE c.relname = ? AND n.nspname = coalesce(?, current_schema())")) {
					check.setString(1, name);
					check.setString(2, metadata.schemaName());
					try (ResultSet rs = check.executeQuery()) {
						exists = rs.next();
					}
				}
				if (!exists) {
					try (Statement statement = connection.createStatement()) {
						statement.execute(createSql(metadata));
					}
					logger.info("Built full-text index " + name + " on " + metadata.table());
				}
				connection.commit();
				return !exists;
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create full-text index " + name + ": " + ex.getMessage(), ex);
		}
	}

}
