package dev.vectorjpa.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import com.pgvector.PGvector;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's proof that the database of the run is real: extension, vector column, insert, nearest by L2.
 */
@DatabaseTest
class PgVectorRoundTripIntegrationTests {

	@Test
	void nearestNeighbourQueryByEuclideanDistanceReturnsRowsInDistanceOrder(TestSchema schema) throws Exception {
		schema.execute("CREATE EXTENSION IF NOT EXISTS vector",
				"CREATE TABLE items (id bigint PRIMARY KEY, embedding vector(3))");
		float[][] vectors = { { 1, 1, 1 }, { 2, 2, 2 }, { 1, 1, 2 }, { 5, 5, 5 }, { 0, 0, 0 } };
		float[] query = { 1, 1, 1.4f };
		try (Connection connection = schema.connect()) {
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items VALUES (?, ?)")) {
				for (int i = 0; i < vectors.length; i++) {
					insert.setLong(1, i);
					insert.setObject(2, new PGvector(vectors[i]));
					insert.addBatch();
				}
				insert.executeBatch();
			}
			List<Long> ids = new ArrayList<>();
			try (PreparedStatement select = connection
				.prepareStatement("SELECT id FROM items ORDER BY embedding <-> ? LIMIT 3")) {
				select.setObject(1, new PGvector(query));
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						ids.add(rs.getLong(1));
					}
				}
			}
			assertThat(ids).containsExactlyElementsOf(bruteForceNearest(vectors, query, 3));
			assertThat(ids).containsExactly(0L, 2L, 1L);
		}
	}

	private static List<Long> bruteForceNearest(float[][] vectors, float[] query, int k) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < vectors.length; i++) {
			ids.add((long) i);
		}
		ids.sort((a, b) -> Double.compare(l2(vectors[a.intValue()], query), l2(vectors[b.intValue()], query)));
		return ids.subList(0, k);
	}

	private static double l2(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			double d = (double) a[i] - b[i];
			sum += d * d;
		}
		return Math.sqrt(sum);
	}

}
