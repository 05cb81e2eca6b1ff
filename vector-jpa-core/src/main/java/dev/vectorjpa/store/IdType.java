package dev.vectorjpa.store;

import java.util.Locale;

/**
 * The type of the id column.
 *
 * @since 0.1
 */
public enum IdType {

	/** {@code UUID PRIMARY KEY}; ids are {@link java.util.UUID}. */
	UUID,

	/** {@code TEXT PRIMARY KEY}; ids are {@link String}. */
	TEXT;

	/** Parses {@code uuid} or {@code text} (any case). */
	public static IdType parse(String value) {
		String normalized = value.trim().toUpperCase(Locale.ROOT);
		if (normalized.equals("UUID") || normalized.equals("TEXT")) {
			return valueOf(normalized);
		}
		throw new IllegalArgumentException("Unknown vector-jpa.store.id-type '" + value + "'; expected uuid or text");
	}

}
