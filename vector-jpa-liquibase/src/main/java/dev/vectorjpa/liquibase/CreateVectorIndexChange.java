package dev.vectorjpa.liquibase;

import dev.vectorjpa.index.VectorIndexDefinition;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;

/**
 * {@code createVectorIndex}: an HNSW or IVFFlat index written by {@link VectorIndexDefinition#createSql()}, the same
 * DDL {@code VectorIndexManager} runs; rolled back by {@code dropVectorIndex} with the same attributes.
 *
 * @since 0.1
 */
@DatabaseChange(name = "createVectorIndex", description = "Creates a pgvector HNSW or IVFFlat index",
		priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "column", since = "0.1")
public class CreateVectorIndexChange extends AbstractVectorIndexChange {

	@Override
	protected String changeName() {
		return "createVectorIndex";
	}

	@Override
	public ValidationErrors validate(Database database) {
		ValidationErrors errors = super.validate(database);
		try {
			toDefinition(database);
		}
		catch (IllegalArgumentException ex) {
			errors.addError(ex.getMessage());
		}
		return errors;
	}

	@Override
	public SqlStatement[] generateStatements(Database database) {
		return new SqlStatement[] { new RawSqlStatement(toDefinition(database).createSql()) };
	}

	@Override
	protected Change[] createInverses() {
		DropVectorIndexChange drop = new DropVectorIndexChange();
		copyTo(drop);
		return new Change[] { drop };
	}

	@Override
	public String getConfirmationMessage() {
		VectorIndexDefinition definition = definitionIn(getSchemaName());
		return "Vector index " + definition.indexName() + " created on " + definition.table() + "."
				+ definition.column();
	}

}
