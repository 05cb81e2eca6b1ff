package dev.vectorjpa.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import org.jspecify.annotations.Nullable;

/**
 * Writes one Java value into a binary {@code COPY} field of a given PostgreSQL column type, converting between the
 * usual Java representations (e.g. an {@code Integer} attribute in an {@code int8} column, an enum in a text column).
 * Chosen once per column from the catalog's type name, so that the binary format always matches the real column.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CopyColumnEncoder {

	/** Writes {@code value} (or NULL) as the next field of the current row. */
	void write(PgCopyWriter writer, @Nullable Object value) throws SQLException;

	/**
	 * The encoder for a column of catalog type {@code typeName} ({@code pg_type.typname}).
	 * @param column the column, for error messages
	 * @throws IllegalArgumentException for a type binary COPY support does not cover
	 */
	static CopyColumnEncoder forType(String typeName, String column) {
		String type = typeName.toLowerCase(Locale.ROOT);
		return switch (type) {
			case "text", "varchar", "bpchar", "name", "citext", "json", "xml" ->
				(writer, value) -> writer.writeText((value == null) ? null
						: (value instanceof Enum<?> e) ? e.name() : value.toString());
			case "int2" -> (writer, value) -> {
				if (value == null) {
					writer.writeNull();
				}
				else {
					writer.writeShort((short) integral(value, column));
				}
			};
			case "int4" -> (writer, value) -> {
				if (value == null) {
					writer.writeNull();
				}
				else {
					writer.writeInt((int) integral(value, column));
				}
			};
			case "int8" -> (writer, value) -> {
				if (value == null) {
					writer.writeNull();
				}
				else {
					writer.writeLong(integral(value, column));
				}
			};
			case "float4" -> (writer, value) -> {
				if (value == null) {
					writer.writeNull();
				}
				else {
					writer.writeFloat(((Number) value).floatValue());
				}
			};
			case "float8" -> (writer, value) -> {
				if (value == null) {
					writer.writeNull();
				}
				else {
					writer.writeDouble(((Number) value).doubleValue());
				}
			};
			case "numeric" -> (writer, value) -> writer.writeNumeric((value == null) ? null
					: (value instanceof BigDecimal decimal) ? decimal : new BigDecimal(value.toString()));
			case "bool" -> (writer, value) -> {
				if (value == null) {
					writer.writeNull();
				}
				else {
					writer.writeBoolean((Boolean) value);
				}
			};
			case "uuid" -> (writer, value) -> writer.writeUuid((value == null) ? null
					: (value instanceof UUID uuid) ? uuid : UUID.fromString(value.toString()));
			case "date" -> (writer, value) -> writer.writeDate((value == null) ? null : localDate(value));
			case "time" -> (writer, value) -> writer.writeTime((value == null) ? null : localTime(value));
			case "timestamp" -> (writer, value) -> writer.writeTimestamp((value == null) ? null : localDateTime(value));
			case "timestamptz" -> (writer, value) -> writer.writeTimestamptz((value == null) ? null : instant(value));
			case "jsonb" -> (writer, value) -> writer.writeJsonb((value == null) ? null
					: (value instanceof String json) ? json : JsonValues.write(value));
			case "bytea" -> (writer, value) -> writer.writeBytea((byte[]) value);
			case "vector" -> (writer, value) -> writer.writeVector((float[]) value);
			case "halfvec" -> (writer, value) -> writer.writeHalfvec((float[]) value);
			case "sparsevec" -> (writer, value) -> writer.writeSparsevec((SparseVector) value);
			case "bit", "varbit" -> (writer, value) -> writer.writeBit((BitVector) value);
			default -> throw new IllegalArgumentException("Binary COPY does not support column " + column + " of type "
					+ typeName);
		};
	}

	private static long integral(Object value, String column) {
		if (value instanceof Enum<?> e) {
			return e.ordinal();
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof Character c) {
			return c;
		}
		throw new IllegalArgumentException("Column " + column + " needs a whole number, got " + value.getClass().getName());
	}

	private static LocalDate localDate(Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		return localDateTime(value).toLocalDate();
	}

	private static LocalTime localTime(Object value) {
		if (value instanceof LocalTime time) {
			return time;
		}
		if (value instanceof java.sql.Time time) {
			return time.toLocalTime();
		}
		return localDateTime(value).toLocalTime();
	}

	private static LocalDateTime localDateTime(Object value) {
		if (value instanceof LocalDateTime dateTime) {
			return dateTime;
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toLocalDateTime();
		}
		return LocalDateTime.ofInstant(instant(value), ZoneId.systemDefault());
	}

	private static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (value instanceof LocalDateTime local) {
			return local.atZone(ZoneId.systemDefault()).toInstant();
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant();
		}
		if (value instanceof java.util.Calendar calendar) {
			return calendar.toInstant();
		}
		if (value instanceof LocalDate date) {
			return date.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		throw new IllegalArgumentException("Not a date/time value: " + value.getClass().getName());
	}

}
