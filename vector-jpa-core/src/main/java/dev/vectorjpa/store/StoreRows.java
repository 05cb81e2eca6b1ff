package dev.vectorjpa.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.hibernate.VectorTextFormatter;
import dev.vectorjpa.jdbc.JsonValues;
import dev.vectorjpa.jdbc.PgCopyWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Checks rows to add and writes them: batched upserts for a few, binary COPY into a staging table and one upsert
 * from it for many.
 */
final class StoreRows {

	private static final int MAX_DOCUMENT_ID_LENGTH = 255;

	private final VectorStoreSettings settings;

	private final StoreSql sql;

	StoreRows(VectorStoreSettings settings, StoreSql sql) {
		this.settings = settings;
		this.sql = sql;
	}

	/** A row checked and ready to bind. */
	record Row(Object id, float[] vector, @Nullable String content, String metadataJson, @Nullable String documentId,
			@Nullable Integer chunkIndex) {
	}

	/** Checks every document before any SQL: vectors, ids (converted, generated, unique), metadata, lengths. */
	List<Row> prepare(List<VectorDocument> documents) {
		List<Row> rows = new ArrayList<>(documents.size());
		Map<Object, Integer> seen = new HashMap<>();
		for (int i = 0; i < documents.size(); i++) {
			VectorDocument document = documents.get(i);
			if (document == null) {
				throw new IllegalArgumentException("document " + i + " is null");
			}
			checkVector(i, document.vector());
			Object id = (document.id() != null) ? StoreIds.convert(this.settings.idType(), document.id(), i)
					: generateId();
			Integer previous = seen.put(id, i);
			if (previous != null) {
				throw new IllegalArgumentException("id '" + id + "' appears twice, at positions " + previous + " and " + i);
			}
			if (document.documentId() != null && document.documentId().length() > MAX_DOCUMENT_ID_LENGTH) {
				throw new IllegalArgumentException("document " + i + ": documentId has " + document.documentId().length()
						+ " characters, at most " + MAX_DOCUMENT_ID_LENGTH + " fit the document id column");
			}
			rows.add(new Row(id, document.vector(), document.content(), JsonValues.write(document.metadata()),
					document.documentId(), document.chunkIndex()));
		}
		return rows;
	}

	/** Checks dimension count and that every component is finite. */
	void checkVector(int position, float @Nullable [] vector) {
		if (vector == null) {
			throw new InvalidVectorException("vector " + position + " is null");
		}
		if (vector.length != this.settings.dimensions()) {
			throw new InvalidVectorException("vector " + position + ": expected " + this.settings.dimensions()
					+ " dimensions, got " + vector.length);
		}
		for (int j = 0; j < vector.length; j++) {
			if (!Float.isFinite(vector[j])) {
				throw new InvalidVectorException("vector " + position + ": component " + j + " is " + vector[j]
						+ " (NaN and infinite values cannot be stored)");
			}
		}
	}

	/** Writes the rows; fails (and so rolls the call back) when an id belongs to another domain. */
	void write(Connection connection, List<Row> rows) throws SQLException {
		long written = (rows.size() >= this.settings.copyThreshold()) ? copy(connection, rows) : batch(connection, rows);
		if (written != rows.size()) {
			throw new DataIntegrityViolationException("Only " + written + " of " + rows.size()
					+ " rows were written: some ids already exist in another domain than '" + this.settings.domain()
					+ "' of " + this.sql.qualifiedTable);
		}
	}

	private long batch(Connection connection, List<Row> rows) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(this.sql.insert)) {
			for (Row row : rows) {
				insert.setObject(1, row.id());
				insert.setString(2, this.settings.domain());
				insert.setString(3, row.documentId());
				if (row.chunkIndex() != null) {
					insert.setInt(4, row.chunkIndex());
				}
				else {
					insert.setNull(4, Types.INTEGER);
				}
				insert.setString(5, row.content());
				insert.setObject(6, VectorTextFormatter.pgObject("vector", row.vector()));
				insert.setString(7, row.metadataJson());
				insert.addBatch();
			}
			long written = 0;
			boolean unknown = false;
			for (int count : insert.executeBatch()) {
				unknown |= (count == Statement.SUCCESS_NO_INFO);
				written += Math.max(count, 0);
			}
			// With reWriteBatchedInserts the driver reports no counts: count the ids now in this domain instead.
			return (unknown && this.settings.domain() != null) ? countInDomain(connection, rows)
					: unknown ? rows.size() : written;
		}
	}

	private long countInDomain(Connection connection, List<Row> rows) throws SQLException {
		Object[] ids = new Object[rows.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = rows.get(i).id();
		}
		try (PreparedStatement count = connection.prepareStatement(this.sql.countIdsInDomain)) {
			count.setArray(1, StoreIds.array(connection, this.settings.idType(), ids));
			count.setString(2, this.settings.domain());
			try (ResultSet rs = count.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private long copy(Connection connection, List<Row> rows) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(this.sql.createStaging);
			statement.execute(this.sql.truncateStaging);
		}
		boolean uuid = this.settings.idType() == IdType.UUID;
		try (PgCopyWriter copy = PgCopyWriter.open(connection, "pg_temp." + this.sql.stagingTable,
				this.sql.stagingColumns)) {
			for (Row row : rows) {
				copy.startRow();
				if (uuid) {
					copy.writeUuid((UUID) row.id());
				}
				else {
					copy.writeText((String) row.id());
				}
				copy.writeText(this.settings.domain())
					.writeText(row.documentId())
					.writeInt(row.chunkIndex())
					.writeText(row.content())
					.writeVector(row.vector())
					.writeJsonb(row.metadataJson())
					.endRow();
			}
			copy.finish();
		}
		try (Statement statement = connection.createStatement()) {
			return statement.executeUpdate(this.sql.insertFromStaging);
		}
	}

	private Object generateId() {
		UUID id = UUID.randomUUID();
		return (this.settings.idType() == IdType.UUID) ? id : id.toString();
	}

}
