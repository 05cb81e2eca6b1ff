package dev.vectorjpa.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import dev.vectorjpa.ingest.IngestRepositories.NoteRepository;
import dev.vectorjpa.jdbc.BinaryVectorTransfer;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.test.DatabaseTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.core.BaseConnection;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default configuration: searches receive vectors in binary for their own statements only, return exactly what brute
 * force in Java returns (inside and outside transactions, once the statements are server-prepared) and leave the
 * pooled connections reading vectors as text for all other code.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultBinaryReceiveIntegrationTests {

	AnnotationConfigApplicationContext context;

	NoteRepository notes;

	DataSource dataSource;

	List<Note> written = new ArrayList<>();

	@BeforeAll
	void start() {
		this.context = new AnnotationConfigApplicationContext(IngestTestConfiguration.class);
		this.notes = this.context.getBean(NoteRepository.class);
		this.dataSource = this.context.getBean(DataSource.class);
		Random random = new Random(41);
		for (int i = 0; i < 500; i++) {
			Note note = new Note();
			note.text = "n" + i;
			note.embedding = new float[] { (float) random.nextGaussian(), (float) random.nextGaussian(),
					(float) random.nextGaussian() };
			this.written.add(note);
		}
		this.notes.bulkInsert(this.written);
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@Test
	void searchesReturnBruteForceResultsAndLeaveConnectionsReadingText() throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		Random random = new Random(42);
		// more searches than pgjdbc's prepareThreshold (5) per pooled connection (3): the later ones are
		// server-prepared, which is when vectors arrive in binary
		for (int i = 0; i < 40; i++) {
			float[] query = { (float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian() };
			List<Nearest<Note>> found = (i % 2 == 0) ? this.notes.findNearest(query, 5)
					: transaction.execute((status) -> this.notes.findNearest(query, 5));
			List<Note> expected = this.written.stream()
				.sorted(Comparator.comparingDouble((Note note) -> HybridSearchIntegrationTests.cosineDistance(query, note.embedding)))
				.limit(5)
				.toList();
			assertThat(found).extracting((nearest) -> nearest.entity().id)
				.containsExactlyElementsOf(expected.stream().map((note) -> note.id).toList());
			for (int j = 0; j < found.size(); j++) {
				assertThat(found.get(j).entity().embedding).containsExactly(expected.get(j).embedding);
			}
		}
		List<Connection> all = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				all.add(this.dataSource.getConnection());
			}
			for (Connection connection : all) {
				BaseConnection physical = connection.unwrap(BaseConnection.class);
				int oid = physical.getTypeInfo().getPGType("vector");
				assertThat(physical.getQueryExecutor().useBinaryForReceive(oid)).isFalse();
				assertThat(BinaryVectorTransfer.isEnabled(connection)).isFalse();
				assertThat(lastReadOf(connection, "SELECT embedding FROM note ORDER BY id LIMIT 1")).startsWith("[");
			}
		}
		finally {
			for (Connection connection : all) {
				connection.close();
			}
		}
	}

	@Test
	void searchesWithServerSettingsBuildTheSameEntitiesInTheirOwnTransaction() {
		// a Spring-built persistence unit: its shared EntityManager implements Hibernate's Session itself, and a search
		// with server settings outside a transaction runs in a read-only transaction of its own, returning detached
		// entities built from their rows
		TransactionTemplate transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		Random random = new Random(43);
		for (SearchOptions options : List.of(SearchOptions.builder().efSearch(60).build(),
				SearchOptions.builder().exact(true).build())) {
			for (int i = 0; i < 8; i++) {
				float[] query = { (float) random.nextGaussian(), (float) random.nextGaussian(),
						(float) random.nextGaussian() };
				List<Long> expected = this.written.stream()
					.sorted(Comparator.comparingDouble(
							(Note note) -> HybridSearchIntegrationTests.cosineDistance(query, note.embedding)))
					.limit(5)
					.map((note) -> note.id)
					.toList();
				List<Nearest<Note>> outside = this.notes.findNearest(query, 5, options);
				List<Nearest<Note>> inside = transaction.execute((status) -> this.notes.findNearest(query, 5, options));
				assertThat(outside).extracting((nearest) -> nearest.entity().id).containsExactlyElementsOf(expected);
				assertThat(inside).extracting((nearest) -> nearest.entity().id).containsExactlyElementsOf(expected);
				for (int j = 0; j < 5; j++) {
					assertThat(outside.get(j).entity()).usingRecursiveComparison().isEqualTo(inside.get(j).entity());
				}
			}
		}
	}

	@Test
	void statementsPreparedInsideTheScopeTransferBinaryAndOthersText() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			String inside = "SELECT embedding FROM note WHERE text = 'n1'";
			BaseConnection physical = connection.unwrap(BaseConnection.class);
			int oid = physical.getTypeInfo().getPGType("vector");
			try (BinaryVectorTransfer.Scope scope = BinaryVectorTransfer.transferring(connection)) {
				assertThat(scope.isActive()).isTrue();
				// a PGvector parameter (what PgVectorJdbcType binds a dense query vector as) goes out in binary
				assertThat(physical.getQueryExecutor().useBinaryForSend(oid)).isTrue();
				try (PreparedStatement statement = connection.prepareStatement("SELECT ?::vector::text")) {
					statement.setObject(1, new com.pgvector.PGvector(new float[] { 1.5f, -2.25f, 3e-7f }));
					try (ResultSet rs = statement.executeQuery()) {
						assertThat(rs.next()).isTrue();
						assertThat(rs.getString(1)).isEqualTo("[1.5,-2.25,3e-07]");
					}
				}
				// pgvector's binary form: int16 dimensions (3), int16 unused, big-endian float4s
				assertThat(lastBytesOf(connection, inside)).hasSize(4 + 3 * 4).startsWith(0, 3);
			}
			assertThat(physical.getQueryExecutor().useBinaryForReceive(oid)).isFalse();
			assertThat(physical.getQueryExecutor().useBinaryForSend(oid)).isFalse();
			assertThat(lastReadOf(connection, "SELECT embedding FROM note WHERE text = 'n2'")).startsWith("[");
		}
	}

	/** Executes {@code sql} 8 times (server-prepared from the 5th) and returns the last text read. */
	private static String lastReadOf(Connection connection, String sql) throws Exception {
		return new String(lastBytesOf(connection, sql), java.nio.charset.StandardCharsets.US_ASCII);
	}

	private static byte[] lastBytesOf(Connection connection, String sql) throws Exception {
		byte[] last = null;
		for (int i = 0; i < 8; i++) {
			try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				last = rs.getBytes(1);
			}
		}
		return last;
	}

}
