package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * The start-up check of every {@code @VectorIndex(where = ...)}: the planner must accept it as a predicate over its
 * table ({@code EXPLAIN} only plans, it reads no row), so a typo fails start-up, not the first index build.
 */
final class PartialIndexPredicates {

	private PartialIndexPredicates() {
	}

	/** Checks the predicate of each partial index among {@code declared}. */
	static void check(DataSource dataSource, List<VectorIndexDefinition> declared) {
		for (VectorIndexDefinition definition : declared) {
			if (definition.where() == null) {
				continue;
			}
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("EXPLAIN SELECT 1 FROM " + definition.qualifiedTable() + " WHERE ("
						+ definition.where() + ")");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("@VectorIndex(where = \"" + definition.where() + "\") on "
						+ definition.table() + "." + definition.column() + " is not a valid predicate over "
						+ definition.qualifiedTable() + ": " + ex.getMessage(), ex);
			}
		}
	}

}
