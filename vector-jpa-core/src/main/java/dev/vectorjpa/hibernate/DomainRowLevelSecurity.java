package dev.vectorjpa.hibernate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The PostgreSQL side of {@link VectorJpaSettings#DOMAIN_ROW_LEVEL_SECURITY}: the policy DDL of a {@code @DomainId}
 * table and the transaction-local setting {@value #SETTING} that the policy compares rows with.
 *
 * @since 0.1
 */
public final class DomainRowLevelSecurity {

	/** The PostgreSQL setting holding the current domain for the current transaction. */
	public static final String SETTING = "vector_jpa.domain";

	/** The name of the policy created on every {@code @DomainId} table. */
	public static final String POLICY = "vector_jpa_domain";

	/** Sets {@value #SETTING} for the current transaction only ({@code is_local}), so a pooled connection keeps nothing. */
	static final String SET_DOMAIN_SQL = "select set_config('" + SETTING + "', ?, true)";

	private DomainRowLevelSecurity() {
	}

	/**
	 * The statements enabling (and forcing) row-level security on {@code table} with the domain policy.
	 * @param table the table as rendered in SQL (qualified and quoted as needed)
	 * @param column the domain column as rendered in SQL
	 */
	public static String[] policyDdl(String table, String column) {
		String predicate = column + " = current_setting('" + SETTING + "', true)";
		return new String[] { "alter table " + table + " enable row level security",
				"alter table " + table + " force row level security",
				"create policy " + POLICY + " on " + table + " using (" + predicate + ") with check (" + predicate
						+ ")" };
	}

	/** Sets the current transaction's domain on {@code connection} (bound as a parameter, never spliced into SQL). */
	public static void setDomain(Connection connection, String domain) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SET_DOMAIN_SQL)) {
			statement.setString(1, domain);
			statement.execute();
		}
	}

}
