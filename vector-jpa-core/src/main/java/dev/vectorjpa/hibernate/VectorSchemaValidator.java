package dev.vectorjpa.hibernate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.vectorjpa.jdbc.SqlIdentifiers;

/**
 * Compares mapped vector columns with the database: Hibernate's own schema validator accepts any {@code vector}
 * column whatever its dimension count, so this checks {@code format_type} of each column, e.g. {@code vector(384)}.
 * Missing tables and columns are left to Hibernate's validator.
 *
 * @since 0.1
 */
public final class VectorSchemaValidator {

	// to_regclass resolves an unqualified name through the search path, like the application's own SQL does.
	private static final String COLUMN_TYPE = "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
			+ "WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped";

	private VectorSchemaValidator() {
	}

	/**
	 * The mismatches between {@code attributes} and the columns of the database {@code connection} points to, one
	 * message per column naming table, column, expected and found type; empty when all match.
	 */
	public static List<String> validate(Connection connection, Collection<VectorColumnMapping> attributes)
			throws SQLException {
		List<String> problems = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(COLUMN_TYPE)) {
			for (VectorColumnMapping attribute : attributes) {
				String table = fold(attribute.table(), attribute.tableQuoted());
				String column = fold(attribute.column(), attribute.columnQuoted());
				String schema = attribute.schema();
				String relation = (schema == null || schema.isEmpty()) ? SqlIdentifiers.quoteMapped(table)
						: SqlIdentifiers.quoteMapped(fold(schema, false)) + "." + SqlIdentifiers.quoteMapped(table);
				statement.setString(1, relation);
				statement.setString(2, column);
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next()) {
						String found = rs.getString(1);
						String expected = attribute.sqlType();
						if (!expected.equals(found)) {
							problems.add("Schema-validation: wrong column type in column [" + column + "] in table ["
									+ table + "]: found [" + found + "], but expecting [" + expected + "] for "
									+ attribute.qualifiedName());
						}
					}
				}
			}
		}
		return problems;
	}

	// PostgreSQL folds unquoted identifiers to lower case.
	private static String fold(String name, boolean quoted) {
		if (name.length() > 1 && (name.startsWith("\"") || name.startsWith("`"))) {
			return name.substring(1, name.length() - 1);
		}
		return quoted ? name : name.toLowerCase(Locale.ROOT);
	}

}
