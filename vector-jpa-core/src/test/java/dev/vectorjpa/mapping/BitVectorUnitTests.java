package dev.vectorjpa.mapping;

import com.pgvector.PGbit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link BitVector} is an immutable value whose text form is its bit string.
 */
class BitVectorUnitTests {

	@Test
	void ofBitStringAndBooleansAgree() {
		BitVector fromString = BitVector.of("1011");
		BitVector fromBooleans = BitVector.of(new boolean[] { true, false, true, true });
		assertThat(fromString).isEqualTo(fromBooleans).hasSameHashCodeAs(fromBooleans);
		assertThat(fromString.length()).isEqualTo(4);
		assertThat(fromString.get(0)).isTrue();
		assertThat(fromString.get(1)).isFalse();
		assertThat(fromString.cardinality()).isEqualTo(3);
		assertThat(fromString).hasToString("1011");
		assertThat(fromString.toBooleanArray()).containsExactly(true, false, true, true);
	}

	@Test
	void lengthIsPartOfEquality() {
		assertThat(BitVector.of("1011")).isNotEqualTo(BitVector.of("10110"));
		assertThat(BitVector.of("")).isEqualTo(BitVector.of(new boolean[0]));
	}

	@Test
	void packsMostSignificantBitFirst() {
		BitVector vector = BitVector.of("1000000011");
		assertThat(vector.toByteArray()).containsExactly((byte) 0x80, (byte) 0xC0);
		assertThat(BitVector.fromBytes(10, new byte[] { (byte) 0x80, (byte) 0xFF })).isEqualTo(vector);
	}

	@Test
	void convertsToAndFromPgvectorJavaType() {
		BitVector vector = BitVector.of("101100111");
		PGbit wire = vector.toPGbit();
		assertThat(wire.getValue()).isEqualTo("101100111");
		assertThat(wire.length()).isEqualTo(9);
		assertThat(BitVector.from(wire)).isEqualTo(vector);
	}

	@Test
	void isImmutable() {
		boolean[] bits = { true, false };
		BitVector vector = BitVector.of(bits);
		bits[1] = true;
		vector.toByteArray()[0] = (byte) 0xFF;
		assertThat(vector).hasToString("10");
	}

	@Test
	void rejectsInvalidInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> BitVector.of("10x1"))
			.withMessage("Bit string may hold only '0' and '1', found 'x' at position 2");
		assertThatIllegalArgumentException().isThrownBy(() -> BitVector.fromBytes(9, new byte[1]))
			.withMessage("A bit vector of 9 bits needs 2 bytes");
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> BitVector.of("10").get(2))
			.withMessage("Bit 2 of a 2-bit vector");
	}

}
