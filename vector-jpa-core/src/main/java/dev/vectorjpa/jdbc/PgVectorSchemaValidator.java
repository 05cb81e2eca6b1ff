package dev.vectorjpa.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.vectorjpa.mapping.VectorType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks the database against what the application maps and configures: every vector column exists with its mapped
 * type and dimension, and pgvector is installed and recent enough for every feature in use. All problems are reported
 * together, in one exception.
 *
 * @since 0.1
 */
public final class PgVectorSchemaValidator {

	// to_regclass applies the search path and identifier quoting rules to a table expression as Hibernate writes it.
	private static final String COLUMN_TYPE_SQL = """
			SELECT to_regclass(?) IS NOT NULL, format_type(a.atttypid, a.atttypmod), a.attstorage::text
			FROM (SELECT 1) one LEFT JOIN pg_attribute a
				ON a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped""";

	// PostgreSQL moves values out of line (TOAST) once a row exceeds TOAST_TUPLE_THRESHOLD (2032 bytes with 8 KB
	// pages, the tuple header included): a vector value over 2000 bytes is then always out of line.
	static final int TOAST_THRESHOLD = 2000;

	private static final Log logger = LogFactory.getLog(PgVectorSchemaValidator.class);

	private PgVectorSchemaValidator() {
	}

	/**
	 * Validates the schema.
	 * @param columns the mapped vector columns
	 * @param features what the configuration uses (description, e.g. {@code vector-jpa.search.iterative-scan}) and
	 * the pgvector version it needs
	 * @return advice that does not fail validation (also logged as warnings): vector columns over PostgreSQL's TOAST
	 * threshold that are not stored inline
	 * @throws IllegalStateException listing every problem found
	 */
	public static List<String> validate(Connection connection, Collection<ExpectedColumn> columns,
			Map<String, String> features) throws SQLException {
		List<String> problems = new ArrayList<>();
		List<String> advice = new ArrayList<>();
		Optional<String> version = PgVectorExtension.installedVersion(connection);
		if (version.isEmpty()) {
			problems.add("the pgvector extension is not installed in this database (run: "
					+ PgVectorExtension.CREATE_SQL + ")");
		}
		else {
			features.forEach((feature, required) -> {
				if (!PgVectorExtension.isAtLeast(version.get(), required)) {
					problems.add(feature + " needs pgvector " + required + " or later, the database has "
							+ version.get());
				}
			});
			for (ExpectedColumn column : columns) {
				String required = minimumVersion(column.type());
				if (!PgVectorExtension.isAtLeast(version.get(), required)) {
					problems.add(column.attribute() + ": " + column.type().sqlName() + " columns need pgvector "
							+ required + " or later, the database has " + version.get());
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement(COLUMN_TYPE_SQL)) {
			for (ExpectedColumn column : columns) {
				checkColumn(statement, column, problems, advice);
			}
		}
		if (!problems.isEmpty()) {
			StringBuilder message = new StringBuilder("The database schema does not match the vector mapping ("
					+ problems.size() + ((problems.size() == 1) ? " problem" : " problems")
					+ "; set vector-jpa.validate-schema=false to skip this check):");
			problems.forEach((problem) -> message.append(System.lineSeparator()).append(" - ").append(problem));
			throw new IllegalStateException(message.toString());
		}
		advice.forEach(logger::warn);
		return advice;
	}

	private static void checkColumn(PreparedStatement statement, ExpectedColumn column, List<String> problems,
			List<String> advice) throws SQLException {
		statement.setString(1, column.table());
		statement.setString(2, column.table());
		statement.setString(3, SqlIdentifiers.catalogName(column.column()));
		try (ResultSet rs = statement.executeQuery()) {
			rs.next();
			String expected = column.type().sqlType(column.dimensions());
			if (!rs.getBoolean(1)) {
				problems.add(column.attribute() + ": table " + column.table() + " does not exist (expected column "
						+ column.column() + " " + expected + "); create it with a migration (Liquibase: "
						+ "spring-boot-starter-liquibase and a changelog, see docs/liquibase.md) or let Hibernate "
						+ "create it (spring.jpa.hibernate.ddl-auto=update)");
				return;
			}
			String actual = rs.getString(2);
			if (actual == null) {
				problems.add(column.attribute() + ": column " + column.table() + "." + column.column()
						+ " does not exist (expected " + expected + ")");
			}
			else if (!actual.equals(expected)) {
				problems.add(column.attribute() + ": column " + column.table() + "." + column.column() + " is "
						+ actual + ", expected " + expected);
			}
			else if (!"p".equals(rs.getString(3)) && storedBytes(column) > TOAST_THRESHOLD) {
				advice.add(column.attribute() + ": " + expected + " values take " + storedBytes(column) + " bytes and "
						+ "are stored out of line (TOAST). PostgreSQL's planner does not count TOAST reads in scan costs, "
						+ "so it may prefer an exact scan to the vector index (e.g. from hnsw.ef_search = 120 on 60,000 rows "
						+ "of 784 dimensions), and every read detoasts. Store them inline: ALTER TABLE " + column.table()
						+ " ALTER COLUMN " + column.column() + " SET STORAGE PLAIN (rows written before keep their "
						+ "storage until the table is rewritten, e.g. VACUUM FULL " + column.table() + ")");
			}
		}
	}

	/** Bytes of one value of a fixed-size vector column (varlena header included), 0 for variable-size types. */
	static int storedBytes(ExpectedColumn column) {
		return switch (column.type()) {
			case VECTOR -> 8 + 4 * column.dimensions();
			case HALFVEC -> 8 + 2 * column.dimensions();
			default -> 0;
		};
	}

	private static String minimumVersion(VectorType type) {
		// halfvec, sparsevec and the bit operators arrived in pgvector 0.7.0.
		return (type == VectorType.VECTOR) ? "0.5.0" : "0.7.0";
	}

	/**
	 * A mapped vector column.
	 * @param attribute {@code Entity.attribute}, for messages
	 * @param table the table as the ORM writes it (possibly schema-qualified or quoted)
	 * @param column the column as the ORM writes it (possibly quoted)
	 * @param type the mapped type
	 * @param dimensions the mapped dimension count
	 */
	public record ExpectedColumn(String attribute, String table, String column, VectorType type, int dimensions) {
	}

}
