package dev.vectorjpa.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Faults on a pool of one: a connection terminated by the server during a bulk load and during a search loop, and a
 * restart of a throwaway server during a search loop. The failing call throws a Spring {@link DataAccessException}
 * that names the cause, it writes nothing, and the next calls succeed without restarting anything.
 */
@DatabaseTest
class ConnectionFaultIntegrationTests {

	// exact search, so that results compare with the ground truth whatever the HNSW index returns
	static final SearchOptions EXACT = SearchOptions.builder().exact(true).build();

	@Test
	void connectionKilledDuringBulkInsertFailsThatCallOnlyAndNamesTheCause(TestSchema schema) throws Exception {
		try (ReliabilityFixture fixture = new ReliabilityFixture(schema, 1)) {
			Random random = new Random(11);
			Iterable<RelDoc> rows = () -> new Iterator<>() {

				private int next;

				@Override
				public boolean hasNext() {
					return this.next < 400_000;
				}

				@Override
				public RelDoc next() {
					if (++this.next == 5_000) {
						terminate(schema, fixture.applicationName);
					}
					return new RelDoc(UUID.randomUUID(), "news", ReliabilityFixture.vector(random, 4));
				}

			};
			Throwable failure = catchThrowable(() -> fixture.as("acme", () -> fixture.docs.bulkInsert(rows)));
			assertThat(failure).isInstanceOf(DataAccessException.class);
			assertThat(failure.getMessage()).doesNotContain("Unable to rollback");
			assertThat(causes(failure)).anySatisfy((message) -> assertThat(message)
				.containsAnyOf("I/O error", "terminating connection", "connection has been closed", "Connection reset"));
			assertThat(schema.query("SELECT count(*) FROM rel_docs")).containsExactly(List.of(0L));
			// the pool replaces the dead connection: the next call succeeds
			assertThat(fixture.as("acme", () -> fixture.docs.bulkInsert(ReliabilityFixture.docs(random, 10, "news"))))
				.isEqualTo(10);
			assertThat(schema.query("SELECT count(*) FROM rel_docs")).containsExactly(List.of(10L));
		}
	}

	@Test
	void connectionKilledDuringASearchLoopFailsAtMostOneCall(TestSchema schema) {
		try (ReliabilityFixture fixture = new ReliabilityFixture(schema, 1)) {
			Random random = new Random(12);
			List<RelDoc> docs = ReliabilityFixture.docs(random, 200, "tech");
			fixture.as("acme", () -> fixture.docs.bulkInsert(docs));
			int failures = 0;
			for (int i = 0; i < 300; i++) {
				if (i % 100 == 50) {
					terminate(schema, fixture.applicationName);
				}
				float[] query = ReliabilityFixture.vector(random, 4);
				Throwable failure = catchThrowable(() -> {
					List<Nearest<RelDoc>> found = fixture.as("acme", () -> fixture.docs.findNearest(query, 5, EXACT));
					assertThat(found).extracting((nearest) -> nearest.entity().getId())
						.containsExactlyElementsOf(ExactSearch.nearest(docs, query, 5));
				});
				if (failure != null) {
					failures++;
					assertThat(failure).isInstanceOf(DataAccessException.class);
					assertThat(causes(failure)).anySatisfy((message) -> assertThat(message).containsAnyOf("I/O error",
							"terminating connection", "connection has been closed", "Connection reset"));
				}
			}
			assertThat(failures).isLessThanOrEqualTo(3);
		}
	}

	@Test
	void serverRestartDuringASearchLoopRecoversWithoutRestartingTheApplication() throws Exception {
		try (ThrowawayCluster cluster = new ThrowawayCluster();
				ReliabilityFixture fixture = new ReliabilityFixture(cluster.jdbcUrl(), "public", 1, "create-drop")) {
			Random random = new Random(13);
			List<RelDoc> docs = ReliabilityFixture.docs(random, 100, "tech");
			fixture.as("acme", () -> fixture.docs.bulkInsert(docs));
			CompletableFuture<Void> restart = null;
			int failures = 0;
			int successesAfterRestart = 0;
			long deadline = System.nanoTime() + 60_000_000_000L;
			for (int i = 0; successesAfterRestart < 50 && System.nanoTime() < deadline; i++) {
				if (i == 20) {
					restart = CompletableFuture.runAsync(() -> {
						try {
							cluster.restart();
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					});
				}
				float[] query = ReliabilityFixture.vector(random, 4);
				try {
					List<Nearest<RelDoc>> found = fixture.as("acme", () -> fixture.docs.findNearest(query, 5, EXACT));
					assertThat(found).extracting((nearest) -> nearest.entity().getId())
						.containsExactlyElementsOf(ExactSearch.nearest(docs, query, 5));
					if (restart != null && restart.isDone()) {
						successesAfterRestart++;
					}
				}
				catch (DataAccessException ex) {
					failures++;
					Thread.sleep(100);
				}
			}
			assertThat(restart).isNotNull();
			restart.join();
			assertThat(successesAfterRestart).isEqualTo(50);
			assertThat(failures).as("calls that failed while the server was down").isLessThan(200);
		}
	}

	static List<String> causes(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(String.valueOf(cause.getMessage()));
			for (Throwable suppressed : cause.getSuppressed()) {
				messages.add(String.valueOf(suppressed.getMessage()));
			}
		}
		return messages;
	}

	/** Terminates the server processes of the pool named {@code applicationName}, from a connection of its own. */
	static void terminate(TestSchema schema, String applicationName) {
		try (Connection connection = DriverManager.getConnection(schema.jdbcUrl());
				PreparedStatement kill = connection.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM "
						+ "pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
			kill.setString(1, applicationName);
			try (ResultSet rs = kill.executeQuery()) {
				rs.next();
				assertThat(rs.getLong(1)).as("server processes terminated").isPositive();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
