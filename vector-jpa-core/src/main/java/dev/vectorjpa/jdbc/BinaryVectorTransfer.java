package dev.vectorjpa.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import com.pgvector.PGvector;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;

/**
 * Binary {@code vector} transfer on pgjdbc connections: {@link #transferring} for the duration of one search (the
 * default of every search), {@link #enable} for good (the opt-in {@code vector-jpa.binary-transfer}).
 * <p>
 * {@link #enable} switches a physical connection to binary {@code vector} transfer, once: pgvector-java's
 * {@link PGvector#addVectorType} registers {@code PGvector} (a {@code PGBinaryObject}) for the {@code vector} type,
 * so that pgjdbc receives such columns of server-prepared statements in pgvector's binary form. Connections are
 * remembered weakly, so a pool's connections are registered the first time each is used.
 *
 * @since 0.1
 * @see dev.vectorjpa.hibernate.VectorJpaSettings#BINARY_TRANSFER
 */
public final class BinaryVectorTransfer {

	private static final Map<PGConnection, Boolean> ENABLED = Collections.synchronizedMap(new WeakHashMap<>());

	private BinaryVectorTransfer() {
	}

	/** Registers the binary vector type on {@code connection}'s physical connection unless already done. */
	public static void enable(Connection connection) throws SQLException {
		PGConnection physical = connection.unwrap(PGConnection.class);
		if (ENABLED.containsKey(physical)) {
			return;
		}
		PGvector.addVectorType(connection);
		ENABLED.put(physical, Boolean.TRUE);
	}

	/**
	 * Makes pgjdbc send and receive {@code vector} values in binary on {@code connection} until the returned scope is
	 * closed, leaving the connection as it was afterwards: other code on the pooled connection keeps text.
	 * <p>
	 * Sending: a {@code vector} parameter bound as a {@code PGBinaryObject} (what {@code PgVectorJdbcType} binds, e.g.
	 * a search's query vector) goes as pgvector's binary form instead of ~11 characters per component that the server
	 * parses. Receiving: pgjdbc decides a column's format when it describes a server-prepared statement (from the 5th
	 * execution of a statement text on a connection, {@code prepareThreshold}) and keeps that format for the
	 * statement; statements described inside the scope (vector-jpa's searches, and the loads of associations fetched
	 * while their results are read) keep receiving vectors in binary, which {@code PgVectorJdbcType} reads as well as
	 * text. A no-op when the connection is not pgjdbc's or has no {@code vector} type; what the connection already
	 * does in binary is left alone.
	 */
	public static Scope transferring(Connection connection) throws SQLException {
		if (!connection.isWrapperFor(BaseConnection.class)) {
			return Scope.NONE;
		}
		BaseConnection physical = connection.unwrap(BaseConnection.class);
		int oid = physical.getTypeInfo().getPGType("vector");
		if (oid == 0) {
			return Scope.NONE;
		}
		QueryExecutor executor = physical.getQueryExecutor();
		boolean receive = !executor.useBinaryForReceive(oid);
		boolean send = !executor.useBinaryForSend(oid);
		if (!receive && !send) {
			return Scope.NONE;
		}
		if (receive) {
			executor.addBinaryReceiveOid(oid);
		}
		if (send) {
			executor.addBinarySendOid(oid);
		}
		return new Scope(executor, oid, receive, send);
	}

	/** Binary transfer of {@code vector} on one connection, undone by {@link #close}. */
	public static final class Scope implements AutoCloseable {

		static final Scope NONE = new Scope(null, 0, false, false);

		private final @Nullable QueryExecutor executor;

		private final int oid;

		private final boolean receive;

		private final boolean send;

		private Scope(@Nullable QueryExecutor executor, int oid, boolean receive, boolean send) {
			this.executor = executor;
			this.oid = oid;
			this.receive = receive;
			this.send = send;
		}

		/** Whether the scope changed the connection (and {@link #close} restores it). */
		public boolean isActive() {
			return this.executor != null;
		}

		@Override
		public void close() {
			if (this.executor == null) {
				return;
			}
			if (this.receive) {
				this.executor.removeBinaryReceiveOid(this.oid);
			}
			if (this.send) {
				this.executor.removeBinarySendOid(this.oid);
			}
		}

	}

	/** Whether {@link #enable} registered the type on {@code connection}'s physical connection. */
	public static boolean isEnabled(Connection connection) throws SQLException {
		return ENABLED.containsKey(connection.unwrap(PGConnection.class));
	}

}
