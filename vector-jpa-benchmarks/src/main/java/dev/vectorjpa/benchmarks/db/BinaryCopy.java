package dev.vectorjpa.benchmarks.db;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import com.pgvector.PGvector;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The reference ceiling for ingest: PostgreSQL's binary {@code COPY} written by hand, vectors encoded by
 * pgvector-java's {@link PGvector#toBytes(byte[], int)}, streamed in 1 MiB chunks.
 */
public final class BinaryCopy implements AutoCloseable {

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private final CopyIn copy;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);

	private final DataOutputStream out = new DataOutputStream(this.buffer);

	private byte[] vectorBytes = new byte[0];

	private long rows;

	/** Starts {@code COPY table (columns) FROM STDIN (FORMAT binary)} on {@code connection}. */
	public BinaryCopy(Connection connection, String table, String columns) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
			.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
		this.buffer.writeBytes(HEADER);
	}

	/** Starts a row of {@code fields} fields. */
	public BinaryCopy row(int fields) throws IOException, SQLException {
		if (this.buffer.size() > (1 << 20)) {
			flush();
		}
		this.out.writeShort(fields);
		this.rows++;
		return this;
	}

	/** A {@code uuid} field. */
	public BinaryCopy uuid(UUID value) throws IOException {
		this.out.writeInt(16);
		this.out.writeLong(value.getMostSignificantBits());
		this.out.writeLong(value.getLeastSignificantBits());
		return this;
	}

	/** A {@code text} field. */
	public BinaryCopy text(String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		this.out.writeInt(bytes.length);
		this.out.write(bytes);
		return this;
	}

	/** A {@code jsonb} field (binary format version 1 followed by the JSON text). */
	public BinaryCopy jsonb(String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		this.out.writeInt(bytes.length + 1);
		this.out.writeByte(1);
		this.out.write(bytes);
		return this;
	}

	/** A {@code vector} field in pgvector's binary format. */
	public BinaryCopy vector(float[] value) throws IOException {
		PGvector vector = new PGvector(value);
		int length = vector.lengthInBytes();
		if (this.vectorBytes.length != length) {
			this.vectorBytes = new byte[length];
		}
		vector.toBytes(this.vectorBytes, 0);
		this.out.writeInt(length);
		this.out.write(this.vectorBytes);
		return this;
	}

	private void flush() throws SQLException {
		byte[] bytes = this.buffer.toByteArray();
		this.copy.writeToCopy(bytes, 0, bytes.length);
		this.buffer.reset();
	}

	/** Ends the copy and returns the rows the server reports. */
	public long finish() throws IOException, SQLException {
		this.out.writeShort(-1);
		flush();
		return this.copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

}
