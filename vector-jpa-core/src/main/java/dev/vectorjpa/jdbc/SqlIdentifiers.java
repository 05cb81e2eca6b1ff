package dev.vectorjpa.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.regex.Pattern;

/**
 * The one place where SQL identifiers taken from configuration or mapping are validated and quoted.
 *
 * @since 0.1
 */
public final class SqlIdentifiers {

	// Letters, digits, underscore and dollar, not starting with a digit or dollar; PostgreSQL truncates at 63 bytes.
	private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]{0,62}");

	/** PostgreSQL's identifier limit, in bytes. */
	public static final int MAX_LENGTH = 63;

	private SqlIdentifiers() {
	}

	/**
	 * Validates a single identifier and returns it double-quoted, e.g. {@code "knowledge_embeddings"}.
	 * @param what what the identifier names, for the error message (e.g. {@code vector-jpa.store.table})
	 * @throws IllegalArgumentException for anything but letters, digits, {@code _} and {@code $} (max 63)
	 */
	public static String quote(String identifier, String what) {
		return "\"" + validate(identifier, what) + "\"";
	}

	/** Validates an identifier without quoting it, returning it unchanged. */
	public static String validate(String identifier, String what) {
		if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
			throw new IllegalArgumentException("Invalid SQL identifier for " + what + ": '" + identifier
					+ "' (expected letters, digits, '_' or '$', starting with a letter or '_', at most 63 characters)");
		}
		return identifier;
	}

	/** Quotes {@code schema.name}, or just {@code name} when the schema is null or empty. */
	public static String qualified(String schema, String name, String what) {
		return (schema == null || schema.isEmpty()) ? quote(name, what)
				: quote(schema, what + " schema") + "." + quote(name, what);
	}

	/**
	 * {@code name} in lower case, shortened to PostgreSQL's 63-byte limit when longer: cut and ended with a CRC-32 of
	 * the whole name, so that generated names stay distinct and deterministic (PostgreSQL itself would silently
	 * truncate, and two long names could collide).
	 */
	public static String shorten(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.getBytes(StandardCharsets.UTF_8).length <= MAX_LENGTH) {
			return lower;
		}
		CRC32 crc = new CRC32();
		crc.update(lower.getBytes(StandardCharsets.UTF_8));
		return lower.substring(0, MAX_LENGTH - 9) + "_" + String.format("%08x", crc.getValue());
	}

	/**
	 * The name PostgreSQL's catalog holds for an identifier: a quoted one keeps its case, an unquoted one is folded to
	 * lower case.
	 */
	public static String catalogName(String name, boolean quoted) {
		return quoted ? name : name.toLowerCase(Locale.ROOT);
	}

	/**
	 * The catalog name of an identifier as SQL renders it: {@code "Mixed""Case"} becomes {@code Mixed"Case},
	 * {@code Plain} becomes {@code plain}.
	 */
	public static String catalogName(String rendered) {
		if (rendered.length() > 1 && rendered.startsWith("\"") && rendered.endsWith("\"")) {
			return rendered.substring(1, rendered.length() - 1).replace("\"\"", "\"");
		}
		return catalogName(rendered, false);
	}

}
