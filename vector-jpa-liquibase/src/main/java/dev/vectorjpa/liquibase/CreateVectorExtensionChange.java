package dev.vectorjpa.liquibase;

import dev.vectorjpa.jdbc.PgVectorExtension;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import liquibase.change.AbstractChange;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.change.core.RawSQLChange;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * {@code createVectorExtension}: {@code CREATE EXTENSION IF NOT EXISTS vector [SCHEMA "s"]}, idempotent.
 * <p>
 * Its rollback does nothing unless {@code dropOnRollback} is true: the extension is database-wide and other schemas'
 * vector columns depend on it, so removing it is an explicit decision. Even then the rollback is
 * {@code DROP EXTENSION IF EXISTS vector} without {@code CASCADE}, which fails while any vector column remains.
 *
 * @since 0.1
 */
@DatabaseChange(name = "createVectorExtension", description = "Creates the pgvector extension if it is missing",
		priority = ChangeMetaData.PRIORITY_DEFAULT, since = "0.1")
public class CreateVectorExtensionChange extends AbstractChange {

	/** The rollback statement when {@code dropOnRollback} is true. */
	public static final String DROP_SQL = "DROP EXTENSION IF EXISTS vector";

	private @Nullable String schemaName;

	private @Nullable Boolean dropOnRollback;

	/** The schema to install the extension's objects into, or {@code null} for the server's choice. */
	@DatabaseChangeProperty(description = "Schema for the extension's types and operators (default: the server's)",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable String getSchemaName() {
		return this.schemaName;
	}

	/** Sets the schema to install the extension into. */
	public void setSchemaName(@Nullable String schemaName) {
		this.schemaName = schemaName;
	}

	/** Whether rolling back drops the extension (default false: rollback leaves it in place). */
	@DatabaseChangeProperty(description = "Whether rollback runs DROP EXTENSION IF EXISTS vector (default false)",
			requiredForDatabase = "none", supportsDatabase = "postgresql")
	public @Nullable Boolean getDropOnRollback() {
		return this.dropOnRollback;
	}

	/** Sets whether rolling back drops the extension. */
	public void setDropOnRollback(@Nullable Boolean dropOnRollback) {
		this.dropOnRollback = dropOnRollback;
	}

	/** The statement this change runs. */
	public String createSql() {
		return PgVectorExtension.createSql(this.schemaName, "createVectorExtension schemaName");
	}

	@Override
	public boolean supports(Database database) {
		return database instanceof PostgresDatabase;
	}

	@Override
	public boolean generateStatementsVolatile(Database database) {
		return false;
	}

	@Override
	public Warnings warn(Database database) {
		return new Warnings();
	}

	@Override
	public ValidationErrors validate(Database database) {
		ValidationErrors errors = new ValidationErrors(this);
		if (!(database instanceof PostgresDatabase)) {
			errors.addError(VectorChangeSupport.unsupported("createVectorExtension", database));
		}
		if (this.schemaName != null) {
			try {
				SqlIdentifiers.validate(this.schemaName, "createVectorExtension schemaName");
			}
			catch (IllegalArgumentException ex) {
				errors.addError(ex.getMessage());
			}
		}
		return errors;
	}

	@Override
	public SqlStatement[] generateStatements(Database database) {
		return new SqlStatement[] { new RawSqlStatement(createSql()) };
	}

	@Override
	protected Change[] createInverses() {
		if (!Boolean.TRUE.equals(this.dropOnRollback)) {
			return new Change[0];
		}
		return new Change[] { new RawSQLChange(DROP_SQL) };
	}

	@Override
	public String getConfirmationMessage() {
		return "pgvector extension present";
	}

	@Override
	public String getSerializedObjectNamespace() {
		return VectorNamespaceDetails.NAMESPACE;
	}

}
