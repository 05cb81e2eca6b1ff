package dev.vectorjpa.mapping;

import java.util.Arrays;

import com.pgvector.PGbit;

/**
 * An immutable binary vector, stored as PostgreSQL's {@code bit(n)} (pgvector's Hamming and Jaccard distances).
 *
 * @since 0.1
 */
public final class BitVector {

	private final int length;

	private final byte[] bytes;

	private BitVector(int length, byte[] bytes) {
		this.length = length;
		this.bytes = bytes;
	}

	/**
	 * A bit vector from a string of {@code 0} and {@code 1}, e.g. {@code "1011"}.
	 * @throws IllegalArgumentException for any other character
	 */
	public static BitVector of(String bits) {
		if (bits == null) {
			throw new IllegalArgumentException("Bit string must not be null");
		}
		byte[] bytes = new byte[(bits.length() + 7) / 8];
		for (int i = 0; i < bits.length(); i++) {
			char c = bits.charAt(i);
			if (c == '1') {
				bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
			}
			else if (c != '0') {
				throw new IllegalArgumentException("Bit string may hold only '0' and '1', found '" + c
						+ "' at position " + i);
			}
		}
		return new BitVector(bits.length(), bytes);
	}

	/** A bit vector from booleans ({@code true} is 1). */
	public static BitVector of(boolean[] bits) {
		if (bits == null) {
			throw new IllegalArgumentException("Bits must not be null");
		}
		byte[] bytes = new byte[(bits.length + 7) / 8];
		for (int i = 0; i < bits.length; i++) {
			if (bits[i]) {
				bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
			}
		}
		return new BitVector(bits.length, bytes);
	}

	/** A bit vector of {@code length} bits packed most significant bit first, as PostgreSQL sends them. */
	public static BitVector fromBytes(int length, byte[] packed) {
		if (length < 0 || packed == null || packed.length != (length + 7) / 8) {
			throw new IllegalArgumentException("A bit vector of " + length + " bits needs " + ((length + 7) / 8)
					+ " bytes");
		}
		byte[] bytes = packed.clone();
		if (length % 8 != 0) {
			bytes[bytes.length - 1] &= (byte) (0xff << (8 - length % 8));
		}
		return new BitVector(length, bytes);
	}

	/** Converts pgvector-java's wire type. */
	public static BitVector from(PGbit value) {
		return fromBytes(value.length(), value.toByteArray());
	}

	/** Converts to pgvector-java's wire type. */
	public PGbit toPGbit() {
		return new PGbit(toBooleanArray());
	}

	/** Number of bits. */
	public int length() {
		return this.length;
	}

	/** The bit at {@code index} (0-based). */
	public boolean get(int index) {
		if (index < 0 || index >= this.length) {
			throw new IndexOutOfBoundsException("Bit " + index + " of a " + this.length + "-bit vector");
		}
		return (this.bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
	}

	/** Number of bits set. */
	public int cardinality() {
		int count = 0;
		for (byte b : this.bytes) {
			count += Integer.bitCount(b & 0xff);
		}
		return count;
	}

	/** The bits packed most significant bit first (a copy). */
	public byte[] toByteArray() {
		return this.bytes.clone();
	}

	/** The bits as booleans. */
	public boolean[] toBooleanArray() {
		boolean[] bits = new boolean[this.length];
		for (int i = 0; i < this.length; i++) {
			bits[i] = get(i);
		}
		return bits;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof BitVector that && this.length == that.length
				&& Arrays.equals(this.bytes, that.bytes));
	}

	@Override
	public int hashCode() {
		return 31 * this.length + Arrays.hashCode(this.bytes);
	}

	/** The bit string, e.g. {@code 1011}. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.length);
		for (int i = 0; i < this.length; i++) {
			text.append(get(i) ? '1' : '0');
		}
		return text.toString();
	}

}
