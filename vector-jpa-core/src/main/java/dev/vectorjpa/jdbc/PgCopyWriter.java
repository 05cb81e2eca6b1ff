package dev.vectorjpa.jdbc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PGBinaryObject;

/**
 * Streams rows into a table with {@code COPY ... FROM STDIN (FORMAT BINARY)} on the caller's connection (so the rows
 * commit or roll back with its transaction), through a fixed-size buffer: constant memory for any number of rows.
 * <p>
 * Usage: {@link #open}, then per row {@link #startRow()}, one {@code write*} call per column in column order,
 * {@link #endRow()}; finally {@link #finish()}, or {@link #cancel()} on any error. Not thread-safe.
 *
 * @since 0.1
 */
public final class PgCopyWriter implements AutoCloseable {

	/** The size of the reusable buffer handed to the driver in one piece. */
	public static final int BUFFER_SIZE = 64 * 1024;

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
			0, 0, 0, 0, 0, 0, 0, 0 };

	private static final VarHandle INT_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(int[].class,
			ByteOrder.BIG_ENDIAN);

	private final Sink sink;

	private final int columns;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private int position;

	private int fieldsInRow = -1;

	private long rows;

	private long progressInterval;

	private @Nullable LongConsumer progress;

	private boolean done;

	PgCopyWriter(Sink sink, int columns) {
		if (columns < 1 || columns > Short.MAX_VALUE) {
			throw new IllegalArgumentException("COPY needs between 1 and 32767 columns, got " + columns);
		}
		this.sink = sink;
		this.columns = columns;
		System.arraycopy(HEADER, 0, this.buffer, 0, HEADER.length);
		this.position = HEADER.length;
	}

	/**
	 * Starts {@code COPY qualifiedTable (columns) FROM STDIN (FORMAT BINARY)} on {@code connection}.
	 * @param connection the current connection (unwrapped to pgjdbc's {@link PGConnection})
	 * @param qualifiedTable the table, already quoted (see {@link SqlIdentifiers#qualified})
	 * @param quotedColumns the columns, already quoted, in the order the rows will write them
	 */
	public static PgCopyWriter open(Connection connection, String qualifiedTable, List<String> quotedColumns)
			throws SQLException {
		if (quotedColumns == null || quotedColumns.isEmpty()) {
			throw new IllegalArgumentException("COPY into " + qualifiedTable + " needs at least one column");
		}
		String sql = "COPY " + qualifiedTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN (FORMAT BINARY)";
		CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
		return new PgCopyWriter(new CopyInSink(copyIn), quotedColumns.size());
	}

	/** Calls {@code listener} with the number of rows written after every {@code interval} rows. */
	public PgCopyWriter onProgress(long interval, LongConsumer listener) {
		if (interval < 1) {
			throw new IllegalArgumentException("Progress interval must be at least 1, got " + interval);
		}
		this.progressInterval = interval;
		this.progress = listener;
		return this;
	}

	/** Begins a row. */
	public PgCopyWriter startRow() throws SQLException {
		checkOpen();
		if (this.fieldsInRow >= 0) {
			throw new IllegalStateException("startRow() called twice without endRow()");
		}
		putShort(this.columns);
		this.fieldsInRow = 0;
		return this;
	}

	/** Ends a row; every column must have been written. */
	public PgCopyWriter endRow() throws SQLException {
		if (this.fieldsInRow != this.columns) {
			throw new IllegalStateException("Row " + (this.rows + 1) + " has " + Math.max(this.fieldsInRow, 0)
					+ " fields, COPY expects " + this.columns);
		}
		this.fieldsInRow = -1;
		this.rows++;
		if (this.progress != null && this.rows % this.progressInterval == 0) {
			this.progress.accept(this.rows);
		}
		return this;
	}

	/** Writes SQL NULL. */
	public PgCopyWriter writeNull() throws SQLException {
		field(-1);
		return this;
	}

	/** Writes {@code text}, {@code varchar} or {@code char}; null writes NULL. */
	public PgCopyWriter writeText(@Nullable String value) throws SQLException {
		if (value == null) {
			return writeNull();
		}
		return writeBytesField(value.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes {@code jsonb} text (version byte 1, then the UTF-8 text); null writes NULL. */
	public PgCopyWriter writeJsonb(@Nullable String json) throws SQLException {
		if (json == null) {
			return writeNull();
		}
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		field(bytes.length + 1);
		put((byte) 1);
		putBytes(bytes);
		return this;
	}

	/** Writes {@code bytea}; null writes NULL. */
	public PgCopyWriter writeBytea(byte @Nullable [] value) throws SQLException {
		return (value != null) ? writeBytesField(value) : writeNull();
	}

	/** Writes {@code int2}. */
	public PgCopyWriter writeShort(short value) throws SQLException {
		field(2);
		putShort(value);
		return this;
	}

	/** Writes {@code int4}. */
	public PgCopyWriter writeInt(int value) throws SQLException {
		field(4);
		putInt(value);
		return this;
	}

	/** Writes {@code int4}; null writes NULL. */
	public PgCopyWriter writeInt(@Nullable Integer value) throws SQLException {
		return (value != null) ? writeInt(value.intValue()) : writeNull();
	}

	/** Writes {@code int8}. */
	public PgCopyWriter writeLong(long value) throws SQLException {
		field(8);
		putLong(value);
		return this;
	}

	/** Writes {@code float4}. */
	public PgCopyWriter writeFloat(float value) throws SQLException {
		return writeInt(Float.floatToRawIntBits(value));
	}

	/** Writes {@code float8}. */
	public PgCopyWriter writeDouble(double value) throws SQLException {
		return writeLong(Double.doubleToRawLongBits(value));
	}

	/** Writes {@code boolean}. */
	public PgCopyWriter writeBoolean(boolean value) throws SQLException {
		field(1);
		put((byte) (value ? 1 : 0));
		return this;
	}

	/** Writes {@code numeric}; null writes NULL. */
	public PgCopyWriter writeNumeric(@Nullable BigDecimal value) throws SQLException {
		return (value != null) ? writeBytesField(PgBinaryValues.numeric(value)) : writeNull();
	}

	/** Writes {@code uuid}; null writes NULL. */
	public PgCopyWriter writeUuid(@Nullable UUID value) throws SQLException {
		if (value == null) {
			return writeNull();
		}
		field(16);
		putLong(value.getMostSignificantBits());
		putLong(value.getLeastSignificantBits());
		return this;
	}

	/** Writes {@code date}; null writes NULL. */
	public PgCopyWriter writeDate(@Nullable LocalDate value) throws SQLException {
		return (value != null) ? writeInt(PgBinaryValues.days(value)) : writeNull();
	}

	/** Writes {@code time} (microseconds since midnight); null writes NULL. */
	public PgCopyWriter writeTime(@Nullable LocalTime value) throws SQLException {
		return (value != null) ? writeLong(value.toNanoOfDay() / 1000) : writeNull();
	}

	/** Writes {@code timestamp} (without time zone); null writes NULL. */
	public PgCopyWriter writeTimestamp(@Nullable LocalDateTime value) throws SQLException {
		return (value != null) ? writeLong(PgBinaryValues.micros(value)) : writeNull();
	}

	/** Writes {@code timestamptz}; null writes NULL. */
	public PgCopyWriter writeTimestamptz(@Nullable Instant value) throws SQLException {
		return (value != null) ? writeLong(PgBinaryValues.micros(value)) : writeNull();
	}

	/** Writes {@code timestamptz}; null writes NULL. */
	public PgCopyWriter writeTimestamptz(@Nullable OffsetDateTime value) throws SQLException {
		return writeTimestamptz((value != null) ? value.toInstant() : null);
	}

	/** Writes pgvector's {@code vector}; null writes NULL. Components are written as given (validate first). */
	public PgCopyWriter writeVector(float @Nullable [] value) throws SQLException {
		if (value == null) {
			return writeNull();
		}
		field(4 + 4 * value.length);
		putShort(value.length);
		putShort(0);
		// the hot loop of every bulk load: whole runs of components per buffer check, 4 bytes per store
		int i = 0;
		while (i < value.length) {
			if (this.position + 4 > this.buffer.length) {
				flush();
			}
			int end = Math.min(value.length, i + (this.buffer.length - this.position) / 4);
			int position = this.position;
			for (; i < end; i++) {
				INT_BIG_ENDIAN.set(this.buffer, position, Float.floatToRawIntBits(value[i]));
				position += 4;
			}
			this.position = position;
		}
		return this;
	}

	/**
	 * Writes pgvector's {@code halfvec}, rounding each component to the nearest half-precision value; null writes
	 * NULL (pgvector-java's {@code PGhalfvec} has no binary form, so it is encoded here).
	 */
	public PgCopyWriter writeHalfvec(float @Nullable [] value) throws SQLException {
		if (value == null) {
			return writeNull();
		}
		field(4 + 2 * value.length);
		putShort(value.length);
		putShort(0);
		for (int i = 0; i < value.length; i++) {
			short half = PgBinaryValues.toHalf(value[i]);
			if ((half & 0x7c00) == 0x7c00) {
				throw new IllegalArgumentException("halfvec element " + i + " (" + value[i]
						+ ") is not finite in half precision (range ±65504)");
			}
			putShort(half);
		}
		return this;
	}

	/** Writes pgvector's {@code sparsevec}; null writes NULL. */
	public PgCopyWriter writeSparsevec(@Nullable SparseVector value) throws SQLException {
		return writeBinaryObject((value != null) ? value.toPGsparsevec() : null);
	}

	/** Writes {@code bit(n)} / {@code varbit}; null writes NULL. */
	public PgCopyWriter writeBit(@Nullable BitVector value) throws SQLException {
		if (value == null) {
			return writeNull();
		}
		byte[] bytes = value.toByteArray();
		field(4 + bytes.length);
		putInt(value.length());
		putBytes(bytes);
		return this;
	}

	/** Writes a value in pgjdbc's binary form, e.g. pgvector-java's {@code PGvector} or {@code PGsparsevec}. */
	public PgCopyWriter writeBinaryObject(@Nullable PGBinaryObject value) throws SQLException {
		if (value == null) {
			return writeNull();
		}
		byte[] bytes = new byte[value.lengthInBytes()];
		value.toBytes(bytes, 0);
		return writeBytesField(bytes);
	}

	/** Sends the trailer and ends the COPY. */
	public long finish() throws SQLException {
		checkOpen();
		if (this.fieldsInRow >= 0) {
			throw new IllegalStateException("finish() called inside a row; call endRow() first");
		}
		putShort(-1);
		flush();
		this.done = true;
		long reported = this.sink.finish();
		return (reported >= 0) ? reported : this.rows;
	}

	/** Abandons the COPY (nothing it sent is kept); safe to call more than once. */
	public void cancel() {
		if (!this.done) {
			this.done = true;
			try {
				this.sink.cancel();
			}
			catch (SQLException ex) {
				// The COPY failed already; the caller reports the original error.
			}
		}
	}

	/** Cancels the COPY unless {@link #finish()} completed it. */
	@Override
	public void close() {
		cancel();
	}

	/** Rows ended so far. */
	public long rowsWritten() {
		return this.rows;
	}

	private PgCopyWriter writeBytesField(byte[] bytes) throws SQLException {
		field(bytes.length);
		putBytes(bytes);
		return this;
	}

	private void field(int length) throws SQLException {
		checkOpen();
		if (this.fieldsInRow < 0) {
			throw new IllegalStateException("Field written outside a row; call startRow() first");
		}
		if (this.fieldsInRow == this.columns) {
			throw new IllegalStateException("Row " + (this.rows + 1) + " has more than " + this.columns + " fields");
		}
		this.fieldsInRow++;
		putInt(length);
	}

	private void checkOpen() {
		if (this.done) {
			throw new IllegalStateException("COPY already finished or cancelled");
		}
	}

	private void ensure(int bytes) throws SQLException {
		if (this.position + bytes > this.buffer.length) {
			flush();
		}
	}

	private void flush() throws SQLException {
		if (this.position > 0) {
			this.sink.write(this.buffer, 0, this.position);
			this.position = 0;
		}
	}

	private void put(byte value) throws SQLException {
		ensure(1);
		this.buffer[this.position++] = value;
	}

	private void putShort(int value) throws SQLException {
		ensure(2);
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	private void putInt(int value) throws SQLException {
		ensure(4);
		this.buffer[this.position++] = (byte) (value >>> 24);
		this.buffer[this.position++] = (byte) (value >>> 16);
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	private void putLong(long value) throws SQLException {
		ensure(8);
		putInt((int) (value >>> 32));
		putInt((int) value);
	}

	private void putBytes(byte[] bytes) throws SQLException {
		int offset = 0;
		while (offset < bytes.length) {
			if (this.position == this.buffer.length) {
				flush();
			}
			int chunk = Math.min(bytes.length - offset, this.buffer.length - this.position);
			System.arraycopy(bytes, offset, this.buffer, this.position, chunk);
			this.position += chunk;
			offset += chunk;
		}
	}

	/** Where the bytes go: the driver's COPY, or a byte array in tests. */
	interface Sink {

		void write(byte[] bytes, int offset, int length) throws SQLException;

		long finish() throws SQLException;

		void cancel() throws SQLException;

	}

	private record CopyInSink(CopyIn copyIn) implements Sink {

		@Override
		public void write(byte[] bytes, int offset, int length) throws SQLException {
			this.copyIn.writeToCopy(bytes, offset, length);
		}

		@Override
		public long finish() throws SQLException {
			return this.copyIn.endCopy();
		}

		@Override
		public void cancel() throws SQLException {
			if (this.copyIn.isActive()) {
				this.copyIn.cancelCopy();
			}
		}

	}

}
