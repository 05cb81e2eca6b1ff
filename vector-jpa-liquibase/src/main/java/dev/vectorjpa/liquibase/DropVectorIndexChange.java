package dev.vectorjpa.liquibase;

import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * {@code dropVectorIndex}: drops a vector index named by {@code indexName}, or by its default name computed from
 * {@code tableName}, {@code columnName}, {@code type} and {@code metric}.
 * <p>
 * When {@code tableName} and {@code columnName} are given, the rollback re-creates the index from the same
 * attributes ({@code m}, {@code efConstruction}, {@code lists}, {@code where} included); with {@code indexName}
 * alone, the index cannot be re-created and the changeset needs an explicit rollback.
 *
 * @since 0.1
 */
@DatabaseChange(name = "dropVectorIndex", description = "Drops a pgvector index",
		priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "index", since = "0.1")
public class DropVectorIndexChange extends AbstractVectorIndexChange {

	@Override
	protected String changeName() {
		return "dropVectorIndex";
	}

	@Override
	public ValidationErrors validate(Database database) {
		ValidationErrors errors = super.validate(database);
		try {
			dropSql(database);
		}
		catch (IllegalArgumentException ex) {
			errors.addError(ex.getMessage());
		}
		return errors;
	}

	/** The {@code DROP INDEX} statement, from the full definition when there is one, else from the name. */
	public String dropSql(Database database) {
		if (hasDefinition()) {
			return toDefinition(database).dropSql();
		}
		String name = getIndexName();
		if (name == null) {
			throw new IllegalArgumentException(
					"dropVectorIndex needs indexName, or tableName and columnName (with type and metric) to compute the default name");
		}
		String schema = schema(database);
		if (schema != null && !schema.isEmpty()) {
			SqlIdentifiers.validate(schema, "dropVectorIndex schemaName");
		}
		return VectorIndexDefinition.dropSql(schema, name, isConcurrently());
	}

	@Override
	public SqlStatement[] generateStatements(Database database) {
		return new SqlStatement[] { new RawSqlStatement(dropSql(database)) };
	}

	@Override
	public boolean supportsRollback(Database database) {
		return hasDefinition();
	}

	@Override
	protected Change @Nullable [] createInverses() {
		if (!hasDefinition()) {
			return null;
		}
		CreateVectorIndexChange create = new CreateVectorIndexChange();
		copyTo(create);
		return new Change[] { create };
	}

	@Override
	public String getConfirmationMessage() {
		return "Vector index " + (hasDefinition() ? definitionIn(getSchemaName()).indexName() : getIndexName()) + " dropped";
	}

}
