package dev.vectorjpa.hibernate;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link VectorTextFormatter}'s text reads back as the very same floats, and {@link VectorTextParser} reads it.
 */
class VectorTextFormatterUnitTests {

	@Test
	void formatsSimpleValuesCompactly() {
		assertThat(VectorTextFormatter.format(new float[] { 1, 0.5f, -2, 0, -0.0f, 123, 1e10f, 0.25f }))
			.isEqualTo("[1,5e-1,-2,0,-0,123,1e10,25e-2]");
		assertThat(VectorTextFormatter.format(new float[0])).isEqualTo("[]");
	}

	@Test
	void everyFormattedRandomBitPatternReadsBackExactly() {
		Random random = new Random(21);
		float[] values = new float[1000];
		for (int round = 0; round < 2_000; round++) {
			for (int i = 0; i < values.length; i++) {
				float value;
				do {
					value = Float.intBitsToFloat(random.nextInt());
				}
				while (!Float.isFinite(value));
				values[i] = value;
			}
			assertReadsBackExactly(values);
		}
	}

	@Test
	void embeddingLikeValuesReadBackExactly() {
		Random random = new Random(22);
		float[] values = new float[1536];
		for (int round = 0; round < 200; round++) {
			for (int i = 0; i < values.length; i++) {
				values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(6) - 4));
			}
			assertReadsBackExactly(values);
		}
	}

	@Test
	void boundaryValuesReadBackExactly() {
		float[] edges = { Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), Float.MAX_VALUE,
				Math.nextDown(Float.MAX_VALUE), 2 * Float.MIN_VALUE, 1e-45f, 1e-38f, 3.4028235e38f, 0.1f, 0.2f, 0.3f,
				1 / 3f, 2 / 3f, 16777216f, 16777215f, 99999999f, 999999999f, 1e9f, 1e8f, 9.9999999e-5f };
		assertReadsBackExactly(edges);
		// every power of two and its neighbours, normal and subnormal
		float[] powers = new float[3 * 277];
		int n = 0;
		for (int exponent = -149; exponent <= 127; exponent++) {
			float power = (float) Math.scalb(1.0, exponent);
			powers[n++] = power;
			powers[n++] = Math.nextUp(power);
			powers[n++] = Math.nextDown(power);
		}
		assertReadsBackExactly(powers);
	}

	@Test
	void rejectsNonFiniteComponents() {
		assertThatIllegalArgumentException().isThrownBy(() -> VectorTextFormatter.format(new float[] { 1, Float.NaN }))
			.withMessage("pgvector does not accept NaN");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorTextFormatter.format(new float[] { Float.NEGATIVE_INFINITY }))
			.withMessage("pgvector does not accept -Infinity");
	}

	private static void assertReadsBackExactly(float[] values) {
		String text = VectorTextFormatter.format(values);
		String[] parts = text.substring(1, text.length() - 1).split(",");
		assertThat(parts).hasSize(values.length);
		for (int i = 0; i < values.length; i++) {
			float parsed = Float.parseFloat(parts[i]);
			if (Float.floatToRawIntBits(parsed) != Float.floatToRawIntBits(values[i])) {
				throw new AssertionError("component " + i + ": " + values[i] + " (bits " + Integer.toHexString(
						Float.floatToRawIntBits(values[i])) + ") formatted as " + parts[i] + " reads back as " + parsed);
			}
		}
		float[] ours = VectorTextParser.parseVector(text);
		for (int i = 0; i < values.length; i++) {
			assertThat(Float.floatToRawIntBits(ours[i])).isEqualTo(Float.floatToRawIntBits(values[i]));
		}
	}

}
