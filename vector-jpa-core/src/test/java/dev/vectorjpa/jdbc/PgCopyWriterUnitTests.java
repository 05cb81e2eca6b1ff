package dev.vectorjpa.jdbc;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import dev.vectorjpa.mapping.BitVector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The binary COPY encoders checked byte for byte against PostgreSQL's documented formats.
 */
class PgCopyWriterUnitTests {

	private static final String HEADER = "5047434f50590aff0d0a00" + "00000000" + "00000000";

	private static final String TRAILER = "ffff";

	@Test
	void writesHeaderRowsFieldLengthsNullAndTrailer() throws SQLException {
		CapturingSink sink = new CapturingSink();
		PgCopyWriter writer = new PgCopyWriter(sink, 3);
		writer.startRow().writeInt(42).writeText("ab").writeNull().endRow();
		assertThat(writer.finish()).isEqualTo(1);
		assertThat(sink.hex()).isEqualTo(HEADER + "0003" + "00000004" + "0000002a" + "00000002" + "6162" + "ffffffff"
				+ TRAILER);
	}

	@Test
	void encodesScalarTypes() throws SQLException {
		assertThat(field((w) -> w.writeShort((short) -2))).isEqualTo("00000002" + "fffe");
		assertThat(field((w) -> w.writeLong(1L << 40))).isEqualTo("00000008" + "0000010000000000");
		assertThat(field((w) -> w.writeFloat(1.5f))).isEqualTo("00000004" + "3fc00000");
		assertThat(field((w) -> w.writeDouble(-2.0))).isEqualTo("00000008" + "c000000000000000");
		assertThat(field((w) -> w.writeBoolean(true))).isEqualTo("00000001" + "01");
		assertThat(field((w) -> w.writeText("é"))).isEqualTo("00000002" + "c3a9");
		assertThat(field((w) -> w.writeJsonb("{\"a\":1}"))).isEqualTo("00000008" + "01" + "7b2261223a317d");
		assertThat(field((w) -> w.writeBytea(new byte[] { 1, (byte) 0xff }))).isEqualTo("00000002" + "01ff");
		assertThat(field((w) -> w.writeUuid(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"))))
			.isEqualTo("00000010" + "00112233445566778899aabbccddeeff");
	}

	@Test
	void encodesDatesAndTimesFromThePostgresEpoch() throws SQLException {
		assertThat(field((w) -> w.writeDate(LocalDate.of(2000, 1, 1)))).isEqualTo("00000004" + "00000000");
		assertThat(field((w) -> w.writeDate(LocalDate.of(1999, 12, 31)))).isEqualTo("00000004" + "ffffffff");
		assertThat(field((w) -> w.writeTime(LocalTime.of(0, 0, 1)))).isEqualTo("00000008" + "00000000000f4240");
		assertThat(field((w) -> w.writeTimestamp(LocalDateTime.of(2000, 1, 2, 0, 0))))
			.isEqualTo("00000008" + "000000141dd76000");
		assertThat(field((w) -> w.writeTimestamptz(Instant.parse("2000-01-01T00:00:00.000001Z"))))
			.isEqualTo("00000008" + "0000000000000001");
	}

	@Test
	void encodesNumericInBase10000Digits() {
		assertThat(hex(PgBinaryValues.numeric(BigDecimal.ZERO))).isEqualTo("0000" + "0000" + "0000" + "0000");
		assertThat(hex(PgBinaryValues.numeric(new BigDecimal("12345.678"))))
			.isEqualTo("0003" + "0001" + "0000" + "0003" + "0001" + "0929" + "1a7c");
		assertThat(hex(PgBinaryValues.numeric(new BigDecimal("-0.0001"))))
			.isEqualTo("0001" + "ffff" + "4000" + "0004" + "0001");
		assertThat(hex(PgBinaryValues.numeric(new BigDecimal("1E+5")))).isEqualTo("0001" + "0001" + "0000" + "0000"
				+ "000a");
	}

	@Test
	void encodesPgvectorTypes() throws SQLException {
		assertThat(field((w) -> w.writeVector(new float[] { 1.0f, -2.0f })))
			.isEqualTo("0000000c" + "0002" + "0000" + "3f800000" + "c0000000");
		assertThat(field((w) -> w.writeHalfvec(new float[] { 1.0f, 0.5f })))
			.isEqualTo("00000008" + "0002" + "0000" + "3c00" + "3800");
		assertThat(field((w) -> w.writeBit(BitVector.of("101000001"))))
			.isEqualTo("00000006" + "00000009" + "a080");
	}

	@Test
	void roundsToHalfPrecisionToNearestEven() {
		assertThat(half(1.0f)).isEqualTo(0x3c00);
		assertThat(half(65504f)).isEqualTo(0x7bff);
		assertThat(half(0.1f)).isEqualTo(0x2e66);
		assertThat(half(1f / 3f)).isEqualTo(0x3555);
		assertThat(half(-2f)).isEqualTo(0xc000);
		assertThat(half((float) Math.pow(2, -24))).isEqualTo(0x0001);
		assertThat(half((float) Math.pow(2, -25))).isEqualTo(0x0000);
		assertThat(half((float) (1.5 * Math.pow(2, -25)))).isEqualTo(0x0001);
		assertThat(half((float) Math.pow(2, -14))).isEqualTo(0x0400);
		assertThat(half(1f + (float) Math.pow(2, -11))).isEqualTo(0x3c00);
		assertThat(half(1f + 3 * (float) Math.pow(2, -11))).isEqualTo(0x3c02);
		assertThat(half(65520f)).isEqualTo(0x7c00);
		assertThat(half(Float.NEGATIVE_INFINITY)).isEqualTo(0xfc00);
	}

	@Test
	void rejectsHalfvecComponentsOutsideHalfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> field((w) -> w.writeHalfvec(new float[] { 1, 70000f })))
			.withMessage("halfvec element 1 (70000.0) is not finite in half precision (range ±65504)");
	}

	@Test
	void streamsFieldsLargerThanTheBufferInChunks() throws SQLException {
		float[] vector = new float[20_000];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = i;
		}
		CapturingSink sink = new CapturingSink();
		PgCopyWriter writer = new PgCopyWriter(sink, 1);
		for (int row = 0; row < 3; row++) {
			writer.startRow().writeVector(vector).endRow();
		}
		writer.finish();
		assertThat(sink.writes).allSatisfy((size) -> assertThat(size).isLessThanOrEqualTo(PgCopyWriter.BUFFER_SIZE));
		ByteBuffer bytes = ByteBuffer.wrap(sink.out.toByteArray());
		assertThat(bytes.remaining()).isEqualTo(19 + 3 * (2 + 4 + 4 + 4 * 20_000) + 2);
		bytes.position(19 + 2 * (2 + 4 + 4 + 4 * 20_000) + 2 + 4 + 4);
		for (int i = 0; i < vector.length; i++) {
			assertThat(bytes.getFloat()).isEqualTo(i);
		}
	}

	@Test
	void reportsProgressEveryIntervalRows() throws SQLException {
		List<Long> reported = new ArrayList<>();
		PgCopyWriter writer = new PgCopyWriter(new CapturingSink(), 1).onProgress(2, reported::add);
		for (int i = 0; i < 5; i++) {
			writer.startRow().writeInt(i).endRow();
		}
		assertThat(writer.finish()).isEqualTo(5);
		assertThat(reported).containsExactly(2L, 4L);
	}

	@Test
	void rejectsRowsWithTheWrongNumberOfFields() throws SQLException {
		PgCopyWriter writer = new PgCopyWriter(new CapturingSink(), 2);
		writer.startRow().writeInt(1);
		assertThatIllegalStateException().isThrownBy(writer::endRow).withMessage("Row 1 has 1 fields, COPY expects 2");
		writer.writeInt(2);
		assertThatIllegalStateException().isThrownBy(() -> writer.writeInt(3))
			.withMessage("Row 1 has more than 2 fields");
	}

	@Test
	void cancelAbandonsTheCopy() throws SQLException {
		CapturingSink sink = new CapturingSink();
		PgCopyWriter writer = new PgCopyWriter(sink, 1);
		writer.startRow().writeInt(1).endRow();
		writer.cancel();
		assertThat(sink.cancelled).isTrue();
		assertThatIllegalStateException().isThrownBy(writer::finish).withMessage("COPY already finished or cancelled");
	}

	private static int half(float value) {
		return PgBinaryValues.toHalf(value) & 0xffff;
	}

	private static String field(FieldWrite write) throws SQLException {
		CapturingSink sink = new CapturingSink();
		PgCopyWriter writer = new PgCopyWriter(sink, 1);
		writer.startRow();
		write.write(writer);
		writer.endRow().finish();
		String hex = sink.hex();
		return hex.substring(HEADER.length() + 4, hex.length() - TRAILER.length());
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	@FunctionalInterface
	interface FieldWrite {

		void write(PgCopyWriter writer) throws SQLException;

	}

	static final class CapturingSink implements PgCopyWriter.Sink {

		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		final List<Integer> writes = new ArrayList<>();

		boolean cancelled;

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.writes.add(length);
			this.out.write(bytes, offset, length);
		}

		@Override
		public long finish() {
			return -1;
		}

		@Override
		public void cancel() {
			this.cancelled = true;
		}

		String hex() {
			return HexFormat.of().formatHex(this.out.toByteArray());
		}

	}

}
