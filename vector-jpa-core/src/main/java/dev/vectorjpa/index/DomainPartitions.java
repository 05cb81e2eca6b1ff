package dev.vectorjpa.index;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import dev.vectorjpa.jdbc.AdvisoryLocks;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import dev.vectorjpa.tenancy.DomainResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One list partition per domain of a table laid out {@code PARTITION BY LIST (domain)}, created on first use of a
 * domain, safely across instances: the catalog is checked under a transaction-level advisory lock
 * ({@link AdvisoryLocks}), so of several instances meeting a new domain together exactly one creates its partition.
 * <p>
 * The partition's own ANN index comes from PostgreSQL: an index created on the partitioned table (e.g. with
 * {@link VectorIndexManager#ensureIndex}) is a partitioned index, which PostgreSQL creates on every partition, present
 * and future. A scoped query ({@code domain = ?}) is pruned to one partition and walks that partition's index only, so
 * each domain gets the recall and latency of an index of its own rows.
 *
 * @since 0.1
 */
public final class DomainPartitions {

	private static final String FIND = """
			SELECT c.relname FROM pg_inherits i
			JOIN pg_class c ON c.oid = i.inhrelid
			WHERE i.inhparent = to_regclass(?) AND pg_get_expr(c.relpartbound, c.oid) = format('FOR VALUES IN (%L)', ?::text)
			""";

	// DDL takes no bind parameters: the server quotes the identifiers and the domain literal itself
	private static final String CREATE = "SELECT format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES IN (%L)', "
			+ "?::text, ?::text, ?::text, ?::text, ?::text)";

	private final DataSource dataSource;

	private final Map<String, String> known = new ConcurrentHashMap<>();

	/** Partitions of tables reached through {@code dataSource} (the primary: this writes DDL). */
	public DomainPartitions(DataSource dataSource) {
		Assert.notNull(dataSource, "DataSource must not be null");
		this.dataSource = dataSource;
	}

	/**
	 * The name of {@code domain}'s partition of {@code table}, created first unless it exists.
	 * @param schema the table's schema, or {@code null} for {@code current_schema()}
	 * @param table a table partitioned {@code BY LIST} on its domain column
	 */
	public String ensurePartition(@Nullable String schema, String table, String domain) {
		SqlIdentifiers.validate(table, "Partitioned table");
		if (schema != null) {
			SqlIdentifiers.validate(schema, "Schema of the partitioned table");
		}
		Assert.hasText(domain, "Domain must not be empty");
		String cacheKey = schema + "\u0000" + table + "\u0000" + domain;
		String name = this.known.get(cacheKey);
		if (name == null) {
			name = create(schema, table, domain);
			this.known.put(cacheKey, name);
		}
		return name;
	}

	/**
	 * A resolver that ensures the current domain's partition of each of {@code tables} the first time it returns
	 * that domain, before any statement of the session it is asked for.
	 */
	public DomainResolver ensuringPartitions(DomainResolver resolver, @Nullable String schema, String... tables) {
		return () -> {
			java.util.Optional<String> domain = resolver.currentDomain();
			domain.filter((value) -> !value.isBlank())
				.ifPresent((value) -> {
					for (String table : tables) {
						ensurePartition(schema, table, value);
					}
				});
			return domain;
		};
	}

	/**
	 * The deterministic partition name {@code <table>_<domain, folded to [a-z0-9_]>_<crc32 of the domain>}, shortened
	 * to PostgreSQL's 63 bytes (the hash keeps distinct domains apart, e.g. {@code a-b} and {@code a_b}).
	 */
	public static String partitionName(String table, String domain) {
		CRC32 crc = new CRC32();
		crc.update(domain.getBytes(StandardCharsets.UTF_8));
		String folded = domain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		return SqlIdentifiers.shorten(table + "_" + folded + "_" + String.format("%08x", crc.getValue()));
	}

	private String create(@Nullable String schema, String table, String domain) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				String resolvedSchema = IndexCatalog.resolveSchema(connection, schema);
				String qualified = SqlIdentifiers.qualified(resolvedSchema, table, "Partitioned table");
				AdvisoryLocks.lockForTransaction(connection, "vector-jpa:partition:" + resolvedSchema + "." + table);
				String existing = find(connection, qualified, domain);
				if (existing != null) {
					connection.commit();
					return existing;
				}
				String name = partitionName(table, domain);
				String ddl;
				try (PreparedStatement format = connection.prepareStatement(CREATE)) {
					format.setString(1, resolvedSchema);
					format.setString(2, name);
					format.setString(3, resolvedSchema);
					format.setString(4, table);
					format.setString(5, domain);
					try (ResultSet result = format.executeQuery()) {
						result.next();
						ddl = result.getString(1);
					}
				}
				try (Statement statement = connection.createStatement()) {
					statement.execute(ddl);
				}
				connection.commit();
				return name;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the partition of domain '" + domain + "' of " + table
					+ ": " + ex.getMessage(), ex);
		}
	}

	private static @Nullable String find(Connection connection, String qualifiedTable, String domain)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(FIND)) {
			statement.setString(1, qualifiedTable);
			statement.setString(2, domain);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

}
