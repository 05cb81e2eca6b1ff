package dev.vectorjpa.hibernate;

import java.nio.charset.StandardCharsets;

import dev.vectorjpa.mapping.SparseVector;
import org.jspecify.annotations.Nullable;

/**
 * Parses pgvector's text output ({@code [1,2.5,-3e-05]}, {@code {1:1.5,3:2}/5}) without regular expressions, splitting
 * or boxing: the hot path of every query that reads a vector back.
 * <p>
 * Numbers are parsed with the "fast path" of Clinger's algorithm: a significand below 2<sup>53</sup> scaled by an
 * exactly representable power of ten is one correctly rounded double operation; rounding that double to float is
 * then exact unless the double lies exactly halfway between two floats (double rounding), in which case, and for
 * anything unusual (long significands, large exponents), {@link Float#parseFloat(String)} decides. The result is
 * therefore always bit-identical to {@code Float.parseFloat}.
 *
 * @since 0.1
 */
public final class VectorTextParser {

	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
			1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	private static final long MAX_EXACT_SIGNIFICAND = 1L << 53;

	private VectorTextParser() {
	}

	/**
	 * Parses a dense vector literal such as {@code [1,2.5,-3e-05]} (pgvector's {@code vector} and {@code halfvec}
	 * output).
	 * @throws IllegalArgumentException when the text is not such a literal
	 */
	public static float[] parseVector(String text) {
		return parseVector(text.getBytes(StandardCharsets.ISO_8859_1), text);
	}

	/**
	 * Parses a dense vector literal given as the bytes the server sent (pgjdbc's {@code ResultSet#getBytes} of a text
	 * column): no {@code String} is decoded at all.
	 * @throws IllegalArgumentException when the bytes are not such a literal
	 */
	public static float[] parseVector(byte[] text) {
		return parseVector(text, null);
	}

	private static float[] parseVector(byte[] text, @Nullable String original) {
		int length = text.length;
		if (length < 2 || text[0] != '[' || text[length - 1] != ']') {
			throw notA("vector", text, original);
		}
		int end = length - 1;
		if (end == 1) {
			return new float[0];
		}
		int count = 1;
		for (int i = 1; i < end; i++) {
			if (text[i] == ',') {
				count++;
			}
		}
		float[] values = new float[count];
		int start = 1;
		for (int n = 0; n < count; n++) {
			int comma = start;
			while (comma < end && text[comma] != ',') {
				comma++;
			}
			values[n] = parseFloat(text, start, comma, original);
			start = comma + 1;
		}
		return values;
	}

	/**
	 * Parses a sparse vector literal such as {@code {1:1.5,3:2}/5} (pgvector's {@code sparsevec} output, 1-based
	 * indices) into a {@link SparseVector} (0-based indices).
	 * @throws IllegalArgumentException when the text is not such a literal
	 */
	public static SparseVector parseSparseVector(String text) {
		int close = text.lastIndexOf('}');
		int slash = text.lastIndexOf('/');
		if (text.isEmpty() || text.charAt(0) != '{' || close < 0 || slash != close + 1) {
			throw notA("sparsevec", text);
		}
		int dimensions;
		try {
			dimensions = Integer.parseInt(text, slash + 1, text.length(), 10);
		}
		catch (NumberFormatException ex) {
			throw notA("sparsevec", text);
		}
		int count = 0;
		for (int i = 1; i < close; i++) {
			if (text.charAt(i) == ':') {
				count++;
			}
		}
		int[] indices = new int[count];
		float[] values = new float[count];
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		int start = 1;
		for (int n = 0; n < count; n++) {
			int colon = text.indexOf(':', start);
			int comma = (n == count - 1) ? close : text.indexOf(',', colon);
			if (colon < 0 || comma < 0) {
				throw notA("sparsevec", text);
			}
			try {
				indices[n] = Integer.parseInt(text, start, colon, 10) - 1;
			}
			catch (NumberFormatException ex) {
				throw notA("sparsevec", text);
			}
			values[n] = parseFloat(bytes, colon + 1, comma, text);
			start = comma + 1;
		}
		return SparseVector.of(dimensions, indices, values);
	}

	/**
	 * Parses the decimal number in {@code text[start, end)}, bit-identical to {@link Float#parseFloat(String)}.
	 * @throws NumberFormatException when it is not a number
	 */
	public static float parseFloat(String text, int start, int end) {
		String number = text.substring(start, end);
		return parseFloat(number.getBytes(StandardCharsets.ISO_8859_1), 0, number.length(), number);
	}

	/**
	 * Parses the ASCII decimal number in {@code text[start, end)}; where the fast path does not apply,
	 * {@code Float.parseFloat} of {@code original} (the same characters, when the bytes came from a string) or of the
	 * bytes decides.
	 */
	private static float parseFloat(byte[] text, int start, int end, @Nullable String original) {
		int i = start;
		if (i >= end) {
			throw new NumberFormatException("Empty number in '" + ((original != null) ? original
					: new String(text, StandardCharsets.ISO_8859_1)) + "'");
		}
		boolean negative = false;
		int c = text[i];
		if (c == '-' || c == '+') {
			negative = (c == '-');
			i++;
		}
		long significand = 0;
		int significantDigits = 0;
		int exponent = 0;
		int digits = 0;
		boolean exact = true;
		for (; i < end; i++) {
			c = text[i];
			if (c < '0' || c > '9') {
				break;
			}
			digits++;
			if (significantDigits < 18) {
				significand = significand * 10 + (c - '0');
				if (significand != 0) {
					significantDigits++;
				}
			}
			else {
				exact = false;
			}
		}
		if (i < end && text[i] == '.') {
			for (i++; i < end; i++) {
				c = text[i];
				if (c < '0' || c > '9') {
					break;
				}
				digits++;
				if (significantDigits < 18) {
					significand = significand * 10 + (c - '0');
					exponent--;
					if (significand != 0) {
						significantDigits++;
					}
				}
				else {
					exact = false;
				}
			}
		}
		if (digits == 0) {
			return fallback(text, start, end, original);
		}
		if (i < end && (text[i] == 'e' || text[i] == 'E')) {
			i++;
			boolean negativeExponent = false;
			if (i < end && (text[i] == '-' || text[i] == '+')) {
				negativeExponent = (text[i] == '-');
				i++;
			}
			int exponentDigits = 0;
			int value = 0;
			for (; i < end; i++) {
				c = text[i];
				if (c < '0' || c > '9') {
					break;
				}
				exponentDigits++;
				if (value < 100_000) {
					value = value * 10 + (c - '0');
				}
			}
			if (exponentDigits == 0) {
				return fallback(text, start, end, original);
			}
			exponent += negativeExponent ? -value : value;
		}
		if (i != end || !exact) {
			return fallback(text, start, end, original);
		}
		if (significand == 0) {
			return negative ? -0.0f : 0.0f;
		}
		if (significand >= MAX_EXACT_SIGNIFICAND || exponent < -22 || exponent > 22) {
			return fallback(text, start, end, original);
		}
		double value = (exponent < 0) ? significand / POWERS_OF_TEN[-exponent]
				: significand * POWERS_OF_TEN[exponent];
		float rounded = (float) value;
		if (Float.isInfinite(rounded) || isFloatMidpoint(value, rounded)) {
			return fallback(text, start, end, original);
		}
		return negative ? -rounded : rounded;
	}

	// A double exactly halfway between two floats may have been rounded there from either side.
	private static boolean isFloatMidpoint(double value, float rounded) {
		if (value == rounded) {
			return false;
		}
		float neighbour = (value > rounded) ? Math.nextUp(rounded) : Math.nextDown(rounded);
		return ((double) rounded + (double) neighbour) * 0.5 == value;
	}

	private static float fallback(byte[] text, int start, int end, @Nullable String original) {
		// original holds exactly the characters of the bytes when they came from a string (1 byte per char)
		String number = (original != null && original.length() == text.length) ? original.substring(start, end)
				: (original != null) ? original : new String(text, start, end - start, StandardCharsets.ISO_8859_1);
		return Float.parseFloat(number);
	}

	private static IllegalArgumentException notA(String type, byte[] text, @Nullable String original) {
		return notA(type, (original != null) ? original : new String(text, StandardCharsets.ISO_8859_1));
	}

	private static IllegalArgumentException notA(String type, String text) {
		String shown = (text.length() > 80) ? text.substring(0, 80) + "..." : text;
		return new IllegalArgumentException("Not a " + type + " literal: '" + shown + "'");
	}

}
