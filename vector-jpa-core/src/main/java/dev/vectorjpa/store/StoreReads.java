package dev.vectorjpa.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.hibernate.PgVectorJdbcType;
import dev.vectorjpa.jdbc.JsonValues;
import org.postgresql.util.PGobject;

/**
 * The store's queries and the mapping of their rows.
 */
final class StoreReads {

	private final VectorStoreSettings settings;

	private final StoreSql sql;

	private final boolean uuid;

	StoreReads(VectorStoreSettings settings, StoreSql sql) {
		this.settings = settings;
		this.sql = sql;
		this.uuid = settings.idType() == IdType.UUID;
	}

	List<Match> search(Connection connection, String statement, PGobject query, List<Object> filterParameters, int k)
			throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(statement)) {
			int index = 1;
			select.setObject(index++, query);
			if (this.sql.domain != null) {
				select.setString(index++, this.sql.domain);
			}
			for (Object parameter : filterParameters) {
				select.setObject(index++, parameter);
			}
			select.setInt(index, k);
			// k may be far larger than the table (Integer.MAX_VALUE for "all"): the list grows with the rows
			List<Match> matches = new ArrayList<>(Math.min(k, 1024));
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					double distance = rs.getDouble(2);
					matches.add(new Match(id(rs), this.settings.metric().score(distance, this.settings.dimensions()),
							distance, JsonValues.readMap(rs.getString(3)), rs.getString(4)));
				}
			}
			return matches;
		}
	}

	Map<Object, StoredVector> get(Connection connection, Object[] ids, boolean includeMetadata) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement(includeMetadata ? this.sql.getWithMetadata : this.sql.getWithoutMetadata)) {
			select.setArray(1, StoreIds.array(connection, this.settings.idType(), ids));
			if (this.sql.domain != null) {
				select.setString(2, this.sql.domain);
			}
			Map<Object, StoredVector> found = new HashMap<>();
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					Object id = id(rs);
					float[] vector = PgVectorJdbcType.readVector(rs, 2);
					float[] values = (vector != null) ? vector : new float[0];
					found.put(id, new StoredVector(id, values,
							includeMetadata ? JsonValues.readMap(rs.getString(3)) : null));
				}
			}
			return found;
		}
	}

	long count(Connection connection, String statement, List<Object> filterParameters) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(statement)) {
			int index = 1;
			if (this.sql.domain != null) {
				select.setString(index++, this.sql.domain);
			}
			for (Object parameter : filterParameters) {
				select.setObject(index++, parameter);
			}
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private Object id(ResultSet rs) throws SQLException {
		return this.uuid ? rs.getObject(1, java.util.UUID.class) : rs.getString(1);
	}

}
