package dev.vectorjpa.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;


/**
 * Converts ids given by the caller to the configured id type, with an error naming the position and value.
 */
final class StoreIds {

	private StoreIds() {
	}

	/** The id as stored: a {@link UUID} for id type uuid, a {@link String} for text. */
	static Object convert(IdType type, Object id, int position) {
		if (id == null) {
			throw new IllegalArgumentException("id " + position + " is null");
		}
		if (type == IdType.UUID) {
			if (id instanceof UUID uuid) {
				return uuid;
			}
			if (id instanceof CharSequence text) {
				try {
					return UUID.fromString(text.toString());
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("id " + position + ": '" + text
							+ "' is not a UUID (the store's id type is uuid; configure id-type text for other ids)");
				}
			}
			throw new IllegalArgumentException("id " + position + ": expected a UUID or a UUID string, got "
					+ id.getClass().getName());
		}
		if (id instanceof CharSequence || id instanceof UUID || id instanceof Number) {
			return id.toString();
		}
		throw new IllegalArgumentException("id " + position + ": expected a String, UUID or number, got "
				+ id.getClass().getName());
	}

	/** A SQL array of ids already converted by {@link #convertAll}, for {@code = ANY(?)}. */
	static Array array(Connection connection, IdType type, Object[] converted) throws SQLException {
		Object[] typed = (type == IdType.UUID) ? new UUID[converted.length] : new String[converted.length];
		System.arraycopy(converted, 0, typed, 0, converted.length);
		return connection.createArrayOf((type == IdType.UUID) ? "uuid" : "text", typed);
	}

	/** Converts every id before any SQL runs. */
	static Object[] convertAll(IdType type, List<?> ids) {
		Object[] converted = new Object[ids.size()];
		for (int i = 0; i < ids.size(); i++) {
			converted[i] = convert(type, ids.get(i), i);
		}
		return converted;
	}

}
