package dev.vectorjpa.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts metadata maps and filter values to and from JSON text for {@code jsonb} parameters and columns.
 *
 * @since 0.1
 */
public final class JsonValues {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private JsonValues() {
	}

	/** The JSON text of a value (maps, collections, strings, numbers, booleans, null). */
	public static String write(@Nullable Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** Parses a JSON object; {@code null} or blank text gives an empty map. */
	public static Map<String, Object> readMap(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return new LinkedHashMap<>();
		}
		return MAPPER.readValue(json, MAP);
	}

}
