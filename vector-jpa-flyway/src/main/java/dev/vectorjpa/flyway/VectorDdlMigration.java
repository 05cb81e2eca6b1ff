package dev.vectorjpa.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration running statements rendered by {@code VectorSchemaDdl}, so that a Flyway-owned schema gets
 * exactly the indexes and policies vector-jpa would create at run time (same names, same operator classes):
 * <pre>{@code
 * public class V2__Article_indexes extends VectorDdlMigration {
 *
 *     public V2__Article_indexes() {
 *         super(VectorSchemaDdl.createIndex(new VectorIndexDefinition(null, "article", "embedding", VectorType.VECTOR,
 *                 Metric.COSINE, IndexType.HNSW, 16, 64, null, false, null, null)),
 *                 VectorSchemaDdl.createFullTextIndex(null, "article", "body", "english"));
 *     }
 *
 * }
 * }</pre>
 * A migration with a {@code CREATE INDEX CONCURRENTLY} runs outside a transaction, as PostgreSQL requires.
 *
 * @since 0.1
 */
public abstract class VectorDdlMigration extends BaseJavaMigration {

	private final List<String> statements;

	/** A migration running {@code statements} in order. */
	protected VectorDdlMigration(String... statements) {
		this(List.of(statements));
	}

	/** A migration running {@code statements} in order. */
	protected VectorDdlMigration(List<String> statements) {
		if (statements.isEmpty()) {
			throw new IllegalArgumentException(getClass().getSimpleName() + " has no statements");
		}
		this.statements = List.copyOf(statements);
	}

	/** The statements this migration runs. */
	public List<String> statements() {
		return this.statements;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.statements) {
				statement.execute(sql);
			}
		}
	}

	@Override
	public boolean canExecuteInTransaction() {
		// CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block.
		return this.statements.stream().noneMatch((sql) -> sql.toUpperCase(Locale.ROOT).contains(" CONCURRENTLY "));
	}

}
