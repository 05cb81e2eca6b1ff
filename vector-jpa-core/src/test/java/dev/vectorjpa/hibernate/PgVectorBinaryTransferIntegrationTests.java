package dev.vectorjpa.hibernate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import com.pgvector.PGvector;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vector columns read the same whether pgjdbc received them as text or in binary: the latter happens once
 * pgvector-java's {@code PGvector.addVectorType} registered the type on a connection (LangChain4j does it on a shared
 * pool) and a statement is server-prepared.
 */
@DatabaseTest
class PgVectorBinaryTransferIntegrationTests {

	private static final float[] VALUES = { 1.5f, -0.0f, Float.MIN_VALUE, 0.1f, -123456.79f };

	@Test
	void readsVectorsReceivedInBinary(TestSchema schema) throws Exception {
		try (Connection connection = schema.connect()) {
			PGvector.addVectorType(connection);
			// -1: server-prepared with binary transfer from the first execution
			connection.unwrap(PGConnection.class).setPrepareThreshold(-1);
			try (PreparedStatement statement = connection.prepareStatement("SELECT ?::vector, NULL::vector, ?::halfvec")) {
				statement.setObject(1, new PGvector(VALUES));
				statement.setString(2, "[1.5,-2,0.25]");
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					assertThat(rs.getBytes(1)[0]).as("the vector arrived in binary").isNotEqualTo((byte) '[');
					assertThat(PgVectorJdbcType.readVector(rs, 1)).containsExactly(VALUES);
					assertThat(PgVectorJdbcType.VECTOR.read(rs, 1)).containsExactly(VALUES);
					assertThat(PgVectorJdbcType.readVector(rs, 2)).isNull();
					assertThat(PgVectorJdbcType.HALFVEC.read(rs, 3)).containsExactly(1.5f, -2f, 0.25f);
				}
			}
		}
	}

	@Test
	void readsVectorsReceivedAsText(TestSchema schema) throws Exception {
		try (Connection connection = schema.connect();
				PreparedStatement statement = connection.prepareStatement("SELECT ?::vector, NULL::vector")) {
			statement.setString(1, VectorTextFormatter.format(VALUES));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				assertThat(rs.getBytes(1)[0]).isEqualTo((byte) '[');
				assertThat(PgVectorJdbcType.readVector(rs, 1)).containsExactly(VALUES);
				assertThat(PgVectorJdbcType.readVector(rs, 2)).isNull();
			}
		}
	}

}
