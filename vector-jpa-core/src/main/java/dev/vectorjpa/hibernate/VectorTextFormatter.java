package dev.vectorjpa.hibernate;

import java.sql.SQLException;

import org.postgresql.util.PGobject;

/**
 * Formats a {@code float[]} as pgvector's text input ({@code [1,5e-1,-123456789e-13]}) several times faster than
 * {@link Float#toString(float)} on Java 17 (which pgvector-java's {@code PGvector#getValue} uses): the hot path of
 * every query vector and every vector written through JPA.
 * <p>
 * Each component is written as a 9-significant-digit decimal {@code n × 10^e} (trailing zeros dropped), which always
 * reads back (pgvector's {@code strtof}, like {@link Float#parseFloat}) as the very same float: the decimal is
 * computed in double precision (53 bits) from the exact value and is within 5·10<sup>-9</sup> of it relatively, while
 * the nearest other float is at least 2<sup>-25</sup> ≈ 3·10<sup>-8</sup> away relatively (subnormals: absolutely
 * 2<sup>-150</sup>, against an error below 10<sup>-46</sup>). The output is therefore not the shortest decimal, only
 * an exact one; it is not meant for people.
 *
 * @since 0.1
 */
public final class VectorTextFormatter {

	// 10^k for k in [MIN_POWER, MAX_POWER]: the scales a float's 9-digit decimal needs (3.4e38 down to 1.4e-45).
	private static final int MIN_POWER = -40;

	private static final int MAX_POWER = 60;

	private static final double[] POWERS_OF_TEN = new double[MAX_POWER - MIN_POWER + 1];

	static {
		for (int k = MIN_POWER; k <= MAX_POWER; k++) {
			// Double.parseDouble is correctly rounded: each entry is the double nearest to 10^k.
			POWERS_OF_TEN[k - MIN_POWER] = Double.parseDouble("1e" + k);
		}
	}

	private static final long NINE_DIGITS = 100_000_000L;

	private static final long TEN_DIGITS = 1_000_000_000L;

	// sign, 9 digits, 'e', exponent sign, 2 exponent digits, separator
	private static final int MAX_CHARS_PER_COMPONENT = 15;

	private VectorTextFormatter() {
	}

	/**
	 * The pgvector literal of {@code values}, e.g. {@code [1,5e-1]}.
	 * @throws IllegalArgumentException for a NaN or infinite component (pgvector rejects them)
	 */
	public static String format(float[] values) {
		char[] out = new char[2 + values.length * MAX_CHARS_PER_COMPONENT];
		int pos = 0;
		out[pos++] = '[';
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out[pos++] = ',';
			}
			pos = append(out, pos, values[i]);
		}
		out[pos++] = ']';
		return new String(out, 0, pos);
	}

	/**
	 * A JDBC parameter value of pgvector type {@code type} ({@code vector} or {@code halfvec}) holding
	 * {@code values}, bound like pgvector-java's {@code PGvector} but formatted by {@link #format}.
	 */
	public static PGobject pgObject(String type, float[] values) {
		PGobject object = new PGobject();
		object.setType(type);
		try {
			object.setValue(format(values));
		}
		catch (SQLException ex) {
			// PGobject#setValue declares it but never throws
			throw new IllegalStateException(ex);
		}
		return object;
	}

	/** Writes {@code value} into {@code out} at {@code pos}; returns the position after it. */
	static int append(char[] out, int pos, float value) {
		if (!Float.isFinite(value)) {
			throw new IllegalArgumentException("pgvector does not accept " + value);
		}
		if (Float.floatToRawIntBits(value) < 0) {
			out[pos++] = '-';
			value = -value;
		}
		if (value == 0.0f) {
			out[pos++] = '0';
			return pos;
		}
		double exact = value;
		// floor(log10(value)) is decimalExponent or decimalExponent + 1 (78913 / 2^18 ≈ log10(2))
		int decimalExponent = (Math.getExponent(exact) * 78913) >> 18;
		int scale = 8 - decimalExponent;
		long digits = scaled(exact, scale);
		if (digits >= TEN_DIGITS) {
			scale--;
			digits = scaled(exact, scale);
		}
		else if (digits < NINE_DIGITS) {
			scale++;
			digits = scaled(exact, scale);
		}
		if (digits >= TEN_DIGITS) {
			// rounded up to 10^9: exactly 10^8 at the next scale
			digits /= 10;
			scale--;
		}
		while (digits % 10 == 0) {
			digits /= 10;
			scale--;
		}
		pos = appendDigits(out, pos, digits);
		int exponent = -scale;
		if (exponent != 0) {
			out[pos++] = 'e';
			if (exponent < 0) {
				out[pos++] = '-';
				exponent = -exponent;
			}
			pos = appendDigits(out, pos, exponent);
		}
		return pos;
	}

	private static long scaled(double value, int scale) {
		return Math.round(value * POWERS_OF_TEN[scale - MIN_POWER]);
	}

	private static int appendDigits(char[] out, int pos, long value) {
		int length = 1;
		for (long v = value; v >= 10; v /= 10) {
			length++;
		}
		int end = pos + length;
		for (int i = end - 1; i >= pos; i--) {
			out[i] = (char) ('0' + (value % 10));
			value /= 10;
		}
		return end;
	}

}
