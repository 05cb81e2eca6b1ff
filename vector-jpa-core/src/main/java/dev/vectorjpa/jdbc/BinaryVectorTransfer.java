package dev.vectorjpa.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import com.pgvector.PGvector;
import org.postgresql.PGConnection;

/**
 * Switches a physical connection to binary {@code vector} transfer, once: pgvector-java's
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

	/** Whether {@link #enable} registered the type on {@code connection}'s physical connection. */
	public static boolean isEnabled(Connection connection) throws SQLException {
		return ENABLED.containsKey(connection.unwrap(PGConnection.class));
	}

}
