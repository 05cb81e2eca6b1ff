package dev.vectorjpa.liquibase;

import dev.vectorjpa.index.DomainPartitions;
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
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * {@code createDomainPartition}: the list partition of one domain of a table partitioned {@code BY LIST} on its domain
 * column, named as {@link DomainPartitions} names it at run time (so a partition made by a migration is the one the
 * application finds); its ANN index comes from the partitioned table's index. Rollback drops the partition.
 *
 * @since 0.1
 */
@DatabaseChange(name = "createDomainPartition", description = "Creates the list partition of one domain",
		priority = ChangeMetaData.PRIORITY_DEFAULT, since = "0.1")
public class CreateDomainPartitionChange extends AbstractChange {

	private @Nullable String schemaName;

	private @Nullable String tableName;

	private @Nullable String domain;

	/** The partitioned table's schema, or {@code null} for the default schema. */
	@DatabaseChangeProperty(description = "Schema of the partitioned table", requiredForDatabase = "none")
	public @Nullable String getSchemaName() {
		return this.schemaName;
	}

	/** Sets the partitioned table's schema. */
	public void setSchemaName(@Nullable String schemaName) {
		this.schemaName = schemaName;
	}

	/** The table partitioned {@code BY LIST} on its domain column. */
	@DatabaseChangeProperty(description = "Table partitioned BY LIST on its domain column",
			requiredForDatabase = "postgresql")
	public @Nullable String getTableName() {
		return this.tableName;
	}

	/** Sets the partitioned table. */
	public void setTableName(@Nullable String tableName) {
		this.tableName = tableName;
	}

	/** The domain whose partition to create. */
	@DatabaseChangeProperty(description = "The domain value of the partition", requiredForDatabase = "postgresql")
	public @Nullable String getDomain() {
		return this.domain;
	}

	/** Sets the domain. */
	public void setDomain(@Nullable String domain) {
		this.domain = domain;
	}

	/** The partition's name ({@link DomainPartitions#partitionName}). */
	public String partitionName() {
		return DomainPartitions.partitionName(required(this.tableName), required(this.domain));
	}

	/** The statement this change runs. */
	public String createSql() {
		// DDL takes no bind parameters: the domain is a standard string literal (quotes doubled)
		return "CREATE TABLE IF NOT EXISTS " + qualified(partitionName()) + " PARTITION OF "
				+ qualified(required(this.tableName)) + " FOR VALUES IN ('" + required(this.domain).replace("'", "''")
				+ "')";
	}

	/** The rollback statement. */
	public String dropSql() {
		return "DROP TABLE IF EXISTS " + qualified(partitionName());
	}

	@Override
	public boolean supports(Database database) {
		return database instanceof PostgresDatabase;
	}

	@Override
	public ValidationErrors validate(Database database) {
		ValidationErrors errors = new ValidationErrors(this);
		if (!(database instanceof PostgresDatabase)) {
			errors.addError(VectorChangeSupport.unsupported("createDomainPartition", database));
		}
		if (this.tableName == null || this.tableName.isBlank()) {
			errors.addError("createDomainPartition tableName is required");
		}
		if (this.domain == null || this.domain.isEmpty()) {
			errors.addError("createDomainPartition domain is required");
		}
		try {
			if (this.tableName != null) {
				SqlIdentifiers.validate(this.tableName, "createDomainPartition tableName");
			}
			if (this.schemaName != null) {
				SqlIdentifiers.validate(this.schemaName, "createDomainPartition schemaName");
			}
		}
		catch (IllegalArgumentException ex) {
			errors.addError(ex.getMessage());
		}
		return errors;
	}

	@Override
	public SqlStatement[] generateStatements(Database database) {
		return new SqlStatement[] { new RawSqlStatement(createSql()) };
	}

	@Override
	protected Change[] createInverses() {
		return new Change[] { new RawSQLChange(dropSql()) };
	}

	@Override
	public String getConfirmationMessage() {
		return "Partition " + partitionName() + " of " + this.tableName + " created";
	}

	@Override
	public String getSerializedObjectNamespace() {
		return VectorNamespaceDetails.NAMESPACE;
	}

	private String qualified(String name) {
		return (this.schemaName != null) ? SqlIdentifiers.qualified(this.schemaName, name, "createDomainPartition")
				: SqlIdentifiers.quote(name, "createDomainPartition");
	}

	private static String required(@Nullable String value) {
		if (value == null) {
			throw new IllegalStateException("createDomainPartition needs tableName and domain");
		}
		return value;
	}

}
