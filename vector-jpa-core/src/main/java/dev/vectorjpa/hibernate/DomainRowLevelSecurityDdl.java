package dev.vectorjpa.hibernate;

import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;

/**
 * The row-level-security policy of one {@code @DomainId} table, exported with the schema after the table.
 * <p>
 * {@code FORCE} makes the policy apply to the table's owner too, since applications usually connect as the owner; a
 * role with {@code BYPASSRLS} (or a superuser) still sees every row. A transaction without the setting (no domain)
 * sees and writes nothing: denying is the safe default for hand-written SQL.
 */
final class DomainRowLevelSecurityDdl implements AuxiliaryDatabaseObject {

	private final Table table;

	private final Column column;

	DomainRowLevelSecurityDdl(Table table, Column column) {
		this.table = table;
		this.column = column;
	}

	@Override
	public String getExportIdentifier() {
		return "vector-jpa row level security " + this.table.getExportIdentifier();
	}

	@Override
	public boolean appliesToDialect(Dialect dialect) {
		return dialect instanceof PostgreSQLDialect;
	}

	@Override
	public boolean beforeTablesOnCreation() {
		return false;
	}

	@Override
	public String[] sqlCreateStrings(SqlStringGenerationContext context) {
		return DomainRowLevelSecurity.policyDdl(this.table.getQualifiedName(context),
				this.column.getQuotedName(context.getDialect()));
	}

	@Override
	public String[] sqlDropStrings(SqlStringGenerationContext context) {
		// Dropping the table drops its policy; a "drop policy" before the table exists would fail.
		return new String[0];
	}

}
