package dev.vectorjpa.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The one place where SQL identifiers taken from configuration or mapping are validated and quoted.
 *
 * @since 0.1
 */
public final class SqlIdentifiers {

	// Letters, digits, underscore and dollar, not starting with a digit or dollar.
	private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

	/** PostgreSQL's identifier limit in bytes (UTF-8): a longer name is truncated silently, so two names could meet. */
	public static final int MAX_BYTES = 63;

	private SqlIdentifiers() {
	}

	/**
	 * Validates a single identifier and returns it double-quoted, e.g. {@code "knowledge_embeddings"}.
	 * @param what what the identifier names, for the error message (e.g. {@code vector-jpa.store.table})
	 * @throws IllegalArgumentException for anything but letters, digits, {@code _} and {@code $} (at most 63 bytes in UTF-8)
	 */
	public static String quote(String identifier, String what) {
		return "\"" + validate(identifier, what) + "\"";
	}

	/** Validates an identifier without quoting it, returning it unchanged. */
	public static String validate(String identifier, String what) {
		if (identifier == null || !IDENTIFIER.matcher(identifier).matches()
				|| identifier.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new IllegalArgumentException("Invalid SQL identifier for " + what + ": '" + identifier
					+ "' (expected letters, digits, '_' or '$', starting with a letter or '_', at most 63 bytes in "
					+ "UTF-8)");
		}
		return identifier;
	}

	/**
	 * A generated name (an index name) that fits PostgreSQL's 63 bytes: unchanged when it does, else cut at a
	 * character boundary to at most 54 bytes and ended with {@code _} and the 8-digit CRC32 of the full name.
	 */
	public static String shorten(String name) {
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= MAX_BYTES) {
			return name;
		}
		CRC32 crc = new CRC32();
		crc.update(bytes);
		StringBuilder prefix = new StringBuilder();
		int used = 0;
		for (int i = 0; i < name.length();) {
			int codePoint = name.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > MAX_BYTES - 9) {
				break;
			}
			prefix.appendCodePoint(codePoint);
			used += size;
			i += Character.charCount(codePoint);
		}
		return prefix + "_" + String.format("%08x", crc.getValue());
	}

	/** Quotes {@code schema.name}, or just {@code name} when the schema is null or empty. */
	public static String qualified(String schema, String name, String what) {
		return (schema == null || schema.isEmpty()) ? quote(name, what)
				: quote(schema, what + " schema") + "." + quote(name, what);
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

	/**
	 * Quotes an identifier as Hibernate produced it from the mapping (already trusted, may carry quotes of its own);
	 * embedded double quotes are doubled.
	 */
	public static String quoteMapped(String identifier) {
		String bare = (identifier.length() > 1 && identifier.startsWith("\"") && identifier.endsWith("\""))
				? identifier.substring(1, identifier.length() - 1) : identifier;
		if (bare.startsWith("`") && bare.endsWith("`") && bare.length() > 1) {
			bare = bare.substring(1, bare.length() - 1);
		}
		return "\"" + bare.replace("\"", "\"\"") + "\"";
	}

}
