package dev.vectorjpa.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL binary encodings that need more than a byte swap: epoch-2000 dates and times, {@code numeric},
 * half-precision floats.
 */
final class PgBinaryValues {

	static final LocalDate EPOCH_DATE = LocalDate.of(2000, 1, 1);

	static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

	private static final int NUMERIC_POS = 0x0000;

	private static final int NUMERIC_NEG = 0x4000;

	private PgBinaryValues() {
	}

	/** Days since 2000-01-01. */
	static int days(LocalDate date) {
		return Math.toIntExact(ChronoUnit.DAYS.between(EPOCH_DATE, date));
	}

	/** Microseconds since 2000-01-01 00:00 (local time, for {@code timestamp}). */
	static long micros(LocalDateTime value) {
		return micros(value.toInstant(ZoneOffset.UTC));
	}

	/** Microseconds since 2000-01-01 00:00 UTC (for {@code timestamptz}); sub-microsecond digits are dropped. */
	static long micros(Instant value) {
		long seconds = value.getEpochSecond() - EPOCH.getEpochSecond();
		return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), value.getNano() / 1000);
	}

	/**
	 * {@code numeric} in its binary form: int16 digit count, int16 weight, int16 sign, int16 display scale, then
	 * base-10000 digits, most significant first.
	 */
	static byte[] numeric(BigDecimal value) {
		BigDecimal decimal = (value.scale() < 0) ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
		int dscale = decimal.scale();
		String plain = decimal.abs().toPlainString();
		int dot = plain.indexOf('.');
		String integer = (dot < 0) ? plain : plain.substring(0, dot);
		String fraction = (dot < 0) ? "" : plain.substring(dot + 1);
		// Pad both parts to whole base-10000 groups: integer on the left, fraction on the right.
		integer = "0".repeat((4 - integer.length() % 4) % 4) + integer;
		fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
		String digits = integer + fraction;
		int groups = digits.length() / 4;
		short[] all = new short[groups];
		for (int i = 0; i < groups; i++) {
			all[i] = Short.parseShort(digits.substring(4 * i, 4 * i + 4));
		}
		int weight = integer.length() / 4 - 1;
		int first = 0;
		while (first < groups && all[first] == 0) {
			first++;
			weight--;
		}
		int last = groups;
		while (last > first && all[last - 1] == 0) {
			last--;
		}
		int count = last - first;
		if (count == 0) {
			weight = 0;
		}
		int sign = (decimal.signum() < 0) ? NUMERIC_NEG : NUMERIC_POS;
		byte[] bytes = new byte[8 + 2 * count];
		putShort(bytes, 0, count);
		putShort(bytes, 2, weight);
		putShort(bytes, 4, sign);
		putShort(bytes, 6, dscale);
		for (int i = 0; i < count; i++) {
			putShort(bytes, 8 + 2 * i, all[first + i]);
		}
		return bytes;
	}

	/** The IEEE 754 half-precision value nearest to {@code value} (ties to even), as Java 20's Float.floatToFloat16. */
	static short toHalf(float value) {
		int bits = Float.floatToRawIntBits(value);
		int sign = (bits >>> 16) & 0x8000;
		int magnitude = bits & 0x7fffffff;
		if (magnitude >= 0x7f800000) {
			// Infinity stays infinity; NaN keeps a quiet NaN payload.
			return (short) (sign | 0x7c00 | ((magnitude > 0x7f800000) ? 0x200 | ((magnitude >>> 13) & 0x3ff) : 0));
		}
		if (magnitude >= 0x47800000) {
			return (short) (sign | 0x7c00);
		}
		if (magnitude < 0x38800000) {
			// Below the smallest normal half: a subnormal, or zero below half of the smallest subnormal.
			if (magnitude < 0x33000000) {
				return (short) sign;
			}
			int exponent = magnitude >>> 23;
			int mantissa = (magnitude & 0x7fffff) | 0x800000;
			int shift = 126 - exponent;
			int half = mantissa >>> shift;
			int remainder = mantissa & ((1 << shift) - 1);
			int midpoint = 1 << (shift - 1);
			if (remainder > midpoint || (remainder == midpoint && (half & 1) != 0)) {
				half++;
			}
			return (short) (sign | half);
		}
		int half = (((magnitude >>> 23) - 112) << 10) | ((magnitude & 0x7fffff) >>> 13);
		int remainder = magnitude & 0x1fff;
		// A carry out of the mantissa correctly bumps the exponent (up to infinity).
		if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) {
			half++;
		}
		return (short) (sign | half);
	}

	private static void putShort(byte[] bytes, int offset, int value) {
		bytes[offset] = (byte) (value >>> 8);
		bytes[offset + 1] = (byte) value;
	}

}
