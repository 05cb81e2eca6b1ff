package dev.vectorjpa.liquibase;

import java.util.List;

import dev.vectorjpa.index.VectorSchemaDdl;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import org.jspecify.annotations.Nullable;

/**
 * {@code createDomainRowLevelSecurity}: enables and forces row-level security on a {@code @DomainId} table with the
 * policy {@code vector_jpa_domain}, exactly as {@code vector-jpa.domain-row-level-security} does at run time;
 * rolled back by dropping the policy and disabling row-level security.
 *
 * @since 0.1
 */
@DatabaseChange(name = "createDomainRowLevelSecurity",
		description = "Enables row-level security by domain on a @DomainId table", priority = ChangeMetaData.PRIORITY_DEFAULT,
		appliesTo = "table", since = "0.1")
public class CreateDomainRowLevelSecurityChange extends AbstractTableDdlChange {

	@Override
	String changeName() {
		return "createDomainRowLevelSecurity";
	}

	@Override
	public List<String> createStatements(@Nullable String schema) {
		return VectorSchemaDdl.createRowLevelSecurity(schema, table(), column());
	}

	@Override
	public List<String> rollbackStatements(@Nullable String schema) {
		return VectorSchemaDdl.dropRowLevelSecurity(schema, table());
	}

	@Override
	public String getConfirmationMessage() {
		return "Row-level security by " + getColumnName() + " enabled on " + getTableName();
	}

}
