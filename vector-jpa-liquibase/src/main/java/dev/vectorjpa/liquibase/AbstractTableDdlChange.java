package dev.vectorjpa.liquibase;

import java.util.List;

import dev.vectorjpa.jdbc.SqlIdentifiers;
import liquibase.change.AbstractChange;
import liquibase.change.Change;
import liquibase.change.DatabaseChangeProperty;
import liquibase.change.core.RawSQLChange;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * A change running DDL that vector-jpa otherwise creates at run time on one column of one table, rendered by
 * {@code VectorSchemaDdl}, with its inverse as the rollback.
 */
abstract class AbstractTableDdlChange extends AbstractChange {

	private @Nullable String schemaName;

	private @Nullable String tableName;

	private @Nullable String columnName;

	/** The table's schema, or {@code null} for the changelog's default schema. */
	@DatabaseChangeProperty(description = "Schema of the table (default: the changelog's)", requiredForDatabase = "none",
			supportsDatabase = "postgresql")
	public @Nullable String getSchemaName() {
		return this.schemaName;
	}

	/** Sets the table's schema. */
	public void setSchemaName(@Nullable String schemaName) {
		this.schemaName = schemaName;
	}

	/** The table. */
	@DatabaseChangeProperty(description = "Table name", requiredForDatabase = "postgresql",
			supportsDatabase = "postgresql")
	public @Nullable String getTableName() {
		return this.tableName;
	}

	/** Sets the table. */
	public void setTableName(@Nullable String tableName) {
		this.tableName = tableName;
	}

	/** The column the DDL is about. */
	@DatabaseChangeProperty(description = "Column name", requiredForDatabase = "postgresql",
			supportsDatabase = "postgresql")
	public @Nullable String getColumnName() {
		return this.columnName;
	}

	/** Sets the column. */
	public void setColumnName(@Nullable String columnName) {
		this.columnName = columnName;
	}

	/** The change's name in changelogs, for messages. */
	abstract String changeName();

	/** The statements this change runs, on a table in {@code schema} ({@code null}: the search path). */
	public abstract List<String> createStatements(@Nullable String schema);

	/** The statements its rollback runs. */
	public abstract List<String> rollbackStatements(@Nullable String schema);


	String table() {
		return required(this.tableName, "tableName");
	}

	String column() {
		return required(this.columnName, "columnName");
	}

	private String required(@Nullable String value, String attribute) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(changeName() + " needs " + attribute);
		}
		return value;
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
			errors.addError(VectorChangeSupport.unsupported(changeName(), database));
		}
		try {
			if (this.schemaName != null) {
				SqlIdentifiers.validate(this.schemaName, changeName() + " schemaName");
			}
			SqlIdentifiers.validate(table(), changeName() + " tableName");
			SqlIdentifiers.validate(column(), changeName() + " columnName");
			createStatements(this.schemaName);
		}
		catch (IllegalArgumentException ex) {
			errors.addError(ex.getMessage());
		}
		return errors;
	}

	@Override
	public SqlStatement[] generateStatements(Database database) {
		return createStatements(VectorChangeSupport.schema(this.schemaName, database)).stream().map(RawSqlStatement::new).toArray(SqlStatement[]::new);
	}

	@Override
	protected Change[] createInverses() {
		return rollbackStatements(this.schemaName).stream().map(RawSQLChange::new).toArray(Change[]::new);
	}

	@Override
	protected void customLoadLogic(ParsedNode parsedNode, ResourceAccessor resourceAccessor)
			throws ParsedNodeException {
		VectorChangeSupport.rejectUnknownAttributes(this, parsedNode);
	}

	@Override
	public String getSerializedObjectNamespace() {
		return VectorNamespaceDetails.NAMESPACE;
	}

}
