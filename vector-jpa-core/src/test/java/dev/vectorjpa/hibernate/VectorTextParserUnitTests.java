package dev.vectorjpa.hibernate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import dev.vectorjpa.mapping.SparseVector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link VectorTextParser} agrees bit for bit with {@link Float#parseFloat(String)}.
 */
class VectorTextParserUnitTests {

	@Test
	void parsesRandomFloatBitPatternsExactly() {
		Random random = new Random(11);
		for (int i = 0; i < 100_000; i++) {
			float value = Float.intBitsToFloat(random.nextInt());
			if (Float.isFinite(value)) {
				assertParsesLikeJdk(Float.toString(value));
				assertParsesLikeJdk(postgresStyle(value));
			}
		}
	}

	@Test
	void parsesRandomDecimalsWithManyDigitsExactly() {
		Random random = new Random(12);
		for (int i = 0; i < 100_000; i++) {
			long digits = (random.nextLong() >>> 1) >>> random.nextInt(63);
			int exponent = random.nextInt(90) - 60;
			String text = (random.nextBoolean() ? "-" : "") + digits + "e" + exponent;
			assertParsesLikeJdk(text);
			assertParsesLikeJdk(new BigDecimal(digits).movePointLeft(random.nextInt(20)).toPlainString());
		}
	}

	@Test
	void parsesHalfwayCasesExactly() {
		Random random = new Random(13);
		for (int i = 0; i < 30_000; i++) {
			float value = Float.intBitsToFloat(random.nextInt(0x7f000000));
			float next = Math.nextUp(value);
			BigDecimal midpoint = new BigDecimal(value).add(new BigDecimal(next)).divide(BigDecimal.valueOf(2));
			assertParsesLikeJdk(midpoint.toString());
			assertParsesLikeJdk(midpoint.round(new java.math.MathContext(17)).toString());
			assertParsesLikeJdk(midpoint.round(new java.math.MathContext(9)).toString());
		}
	}

	@Test
	void parsesSpecialValuesAndForms() {
		for (String text : new String[] { "0", "-0", "0.0", "-0.0", "1", "-1", "2.5", "-3e-05", "1e-45", "1.4e-45",
				"7e-46", "1.17549435e-38", "1.1754942e-38", "3.4028235e+38", "3.4028236e38", "3.5e38", "1E10",
				"+1.5", ".5", "5.", "123456789012345678901234567890", "0.000000000000000000000000000001",
				"16777217", "9007199254740993", "1e22", "1e23", "4.4501477170144023e-308", "NaN", "Infinity",
				"-Infinity" }) {
			assertParsesLikeJdk(text);
		}
		assertThat(Float.floatToRawIntBits(VectorTextParser.parseFloat("-0", 0, 2)))
			.isEqualTo(Float.floatToRawIntBits(-0.0f));
	}

	@Test
	void parsesVectorLiteral() {
		assertThat(VectorTextParser.parseVector("[1,2.5,-3e-05]")).containsExactly(1f, 2.5f, -3e-05f);
		assertThat(VectorTextParser.parseVector("[0.1]")).containsExactly(0.1f);
		assertThat(VectorTextParser.parseVector("[]")).isEmpty();
		assertThat(VectorTextParser.parseVector("[1,2.5,-3e-05]".getBytes(StandardCharsets.US_ASCII)))
			.containsExactly(1f, 2.5f, -3e-05f);
		assertThat(VectorTextParser.parseVector("[]".getBytes(StandardCharsets.US_ASCII))).isEmpty();
	}

	@Test
	void parsesSparseVectorLiteral() {
		assertThat(VectorTextParser.parseSparseVector("{1:1.5,3:-2}/5"))
			.isEqualTo(SparseVector.of(5, new int[] { 0, 2 }, new float[] { 1.5f, -2f }));
		assertThat(VectorTextParser.parseSparseVector("{}/1000000")).isEqualTo(SparseVector.of(1_000_000,
				new int[0], new float[0]));
	}

	@Test
	void rejectsWhatIsNotALiteral() {
		assertThatIllegalArgumentException().isThrownBy(() -> VectorTextParser.parseVector("1,2"))
			.withMessage("Not a vector literal: '1,2'");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorTextParser.parseVector("[1,x]"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorTextParser.parseVector("{1,2}".getBytes(StandardCharsets.US_ASCII)))
			.withMessage("Not a vector literal: '{1,2}'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorTextParser.parseVector("[1,,2]".getBytes(StandardCharsets.US_ASCII)))
			.withMessage("Empty number in '[1,,2]'");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorTextParser.parseSparseVector("{1:2}"))
			.withMessage("Not a sparsevec literal: '{1:2}'");
	}

	private static void assertParsesLikeJdk(String text) {
		String literal = "[" + text + "]";
		int expected = Float.floatToRawIntBits(Float.parseFloat(text));
		int actual = Float.floatToRawIntBits(VectorTextParser.parseFloat(literal, 1, literal.length() - 1));
		if (actual != expected) {
			assertThat(actual).as(text).isEqualTo(expected);
		}
		// the bytes pgjdbc hands out for a text column
		int fromBytes = Float.floatToRawIntBits(
				VectorTextParser.parseVector(literal.getBytes(StandardCharsets.US_ASCII))[0]);
		if (fromBytes != expected) {
			assertThat(fromBytes).as(text + " from bytes").isEqualTo(expected);
		}
	}

	// PostgreSQL prints the shortest round-tripping digits, switching to exponent form below 1e-4 and from 1e15.
	private static String postgresStyle(float value) {
		BigDecimal shortest = new BigDecimal(Float.toString(value)).stripTrailingZeros();
		double magnitude = Math.abs(value);
		if (value != 0 && (magnitude < 1e-4 || magnitude >= 1e15)) {
			int exponent = shortest.precision() - shortest.scale() - 1;
			String digits = shortest.unscaledValue().abs().toString();
			String mantissa = (digits.length() > 1) ? digits.charAt(0) + "." + digits.substring(1) : digits;
			return ((value < 0) ? "-" : "") + mantissa + "e" + ((exponent < 0) ? "-" : "+")
					+ String.format(Locale.ROOT, "%02d", Math.abs(exponent));
		}
		return shortest.toPlainString();
	}

}
