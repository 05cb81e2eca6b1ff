package dev.vectorjpa.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import dev.vectorjpa.autoconfigure.replica.ReplicaDocument;
import dev.vectorjpa.autoconfigure.replica.ReplicaDocumentRepository;
import dev.vectorjpa.autoconfigure.replica.ReplicaTestApplication;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.store.Match;
import dev.vectorjpa.store.VectorStore;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.PostgresReplica;
import dev.vectorjpa.test.TestSchema;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with {@code vector-jpa.read-replica.*} against a real streaming replica
 * ({@code scripts/db.sh --replica}): where each kind of work runs is observed on the servers themselves, through
 * {@code inet_server_port()}/{@code pg_is_in_recovery()} and each pool's last statement in {@code pg_stat_activity}.
 */
@DatabaseTest
class ReadReplicaIntegrationTests {

	private static final int DIMENSIONS = 8;

	private static final int ROWS = 300;

	private final String primaryApplication = "vjt-primary-" + UUID.randomUUID().toString().substring(0, 8);

	private final String replicaApplication = "vjt-replica-" + UUID.randomUUID().toString().substring(0, 8);

	private final Random random = new Random(20);

	@Test
	void searchesCountsAndReadOnlyCallsRunOnTheReplicaAndWritesOnThePrimary(TestSchema schema) throws SQLException {
		PostgresReplica replica = PostgresReplica.get();
		String replicaServer = server(replica.jdbcUrl());
		String primaryServer = server(schema.jdbcUrl());
		assertThat(replicaServer).endsWith(" true");
		assertThat(primaryServer).endsWith(" false");
		try (ConfigurableApplicationContext context = run(schema, replica.jdbcUrl(schema.name()))) {
			assertThat(context.getBean(DataSource.class)).isInstanceOf(LazyConnectionDataSourceProxy.class);
			ReplicaDocumentRepository repository = context.getBean(ReplicaDocumentRepository.class);
			List<ReplicaDocument> documents = new ArrayList<>();
			for (int i = 0; i < ROWS; i++) {
				documents.add(new ReplicaDocument(UUID.randomUUID(), "t" + (i % 3), randomVector()));
			}
			repository.saveAll(documents);
			// the write ran on the primary (the replica is read-only: it could not have)
			assertThat(schema.query("select count(*) from replica_documents")).containsExactly(List.of(300L));
			replica.awaitReplay(Duration.ofSeconds(30));

			// vector search outside a transaction: replica, same answer as brute force
			float[] query = randomVector();
			List<Nearest<ReplicaDocument>> nearest = repository.findNearest(query, 10);
			assertThat(ids(nearest)).isEqualTo(bruteForce(documents, query, null, 10));
			assertLastStatementOn(replica.jdbcUrl(), this.replicaApplication, "<=>");
			assertNoStatementOn(schema.jdbcUrl(), this.primaryApplication, "<=>");

			// vector search with search options outside a transaction (a read-only transaction for SET LOCAL)
			List<Nearest<ReplicaDocument>> byTitle = repository.findNearestByTitle(query, "t1", 5,
					SearchOptions.builder().efSearch(80).build());
			assertThat(ids(byTitle)).isEqualTo(bruteForce(documents, query, "t1", 5));
			assertNoStatementOn(schema.jdbcUrl(), this.primaryApplication, "<=>");

			// plain read-only repository calls (SimpleJpaRepository's readOnly transactions)
			assertThat(repository.count()).isEqualTo(ROWS);
			// a transaction: the replica pool's connection last ran its COMMIT, the primary's never the count
			assertLastStatementOn(replica.jdbcUrl(), this.replicaApplication, "COMMIT");
			assertNoStatementOn(schema.jdbcUrl(), this.primaryApplication, "count(");
			assertThat(repository.serverReadOnly()).isEqualTo(replicaServer);
			assertThat(repository.findAll()).hasSize(ROWS);
			// count(MetadataFilter) outside a transaction: one auto-commit statement on the replica
			assertThat(repository.count(MetadataFilter.eq("title", "t1"))).isEqualTo(ROWS / 3);
			assertLastStatementOn(replica.jdbcUrl(), this.replicaApplication, "count(");
			assertNoStatementOn(schema.jdbcUrl(), this.primaryApplication, "from replica_documents");

			// inside a read-only transaction: everything on the replica
			TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			readOnly.setReadOnly(true);
			readOnly.executeWithoutResult((status) -> {
				assertThat(repository.server()).isEqualTo(replicaServer);
				assertThat(ids(repository.findNearest(query, 10))).isEqualTo(bruteForce(documents, query, null, 10));
				assertThat(repository.count(MetadataFilter.eq("title", "t2"))).isEqualTo(ROWS / 3);
			});

			// read-your-writes: a read-write transaction stays on the primary and sees its own uncommitted row
			TransactionTemplate readWrite = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			ReplicaDocument mine = new ReplicaDocument(UUID.randomUUID(), "mine", query.clone());
			readWrite.executeWithoutResult((status) -> {
				repository.saveAndFlush(mine);
				assertThat(repository.server()).isEqualTo(primaryServer);
				assertThat(repository.findNearest(query, 1).get(0).entity().getId()).isEqualTo(mine.getId());
				assertThat(repository.serverReadOnly()).as("a read-only method joining a read-write transaction")
					.isEqualTo(primaryServer);
			});
			assertThat(schema.query("select title from replica_documents where id = '" + mine.getId() + "'"))
				.containsExactly(List.of("mine"));

			Health health = context.getBean(VectorJpaReadReplicaHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("inRecovery", true).containsEntry("failovers", 0L);
		}
	}

	@Test
	void storeSearchesAndCountsRunOnTheReplica(TestSchema schema) throws SQLException {
		PostgresReplica replica = PostgresReplica.get();
		try (ConfigurableApplicationContext context = run(schema, replica.jdbcUrl(schema.name()),
				"vector-jpa.store.enabled=true", "vector-jpa.store.schema=" + schema.name(),
				"vector-jpa.store.table=replica_store")) {
			VectorStore store = context.getBean(VectorStore.class);
			List<float[]> vectors = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				vectors.add(randomVector());
			}
			List<Object> ids = store.add(vectors, null, null);
			assertThat(schema.query("select count(*) from replica_store")).containsExactly(List.of(50L));
			replica.awaitReplay(Duration.ofSeconds(30));
			List<Match> matches = store.search(vectors.get(7), 3);
			assertThat(matches.get(0).id()).isEqualTo(ids.get(7));
			assertLastStatementOn(replica.jdbcUrl(), this.replicaApplication, "<=>");
			assertNoStatementOn(schema.jdbcUrl(), this.primaryApplication, "<=>");
			assertThat(store.count()).isEqualTo(50);
			assertLastStatementOn(replica.jdbcUrl(), this.replicaApplication, "count(");
		}
	}

	@Test
	void aReplicaThatIsDownFailsOverToThePrimaryWithHealthAndMetric(TestSchema schema) throws SQLException {
		String down = "jdbc:postgresql://localhost:" + closedPort() + "/nothing?connectTimeout=1";
		try (ConfigurableApplicationContext context = run(schema, down,
				"vector-jpa.read-replica.password=not-echoed-s3cret", "vector-jpa.read-replica.retry-interval=1h")) {
			ReplicaDocumentRepository repository = context.getBean(ReplicaDocumentRepository.class);
			List<ReplicaDocument> documents = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				documents.add(new ReplicaDocument(UUID.randomUUID(), "t", randomVector()));
			}
			repository.saveAll(documents);
			float[] query = randomVector();
			assertThat(ids(repository.findNearest(query, 5))).isEqualTo(bruteForce(documents, query, null, 5));
			assertThat(repository.serverReadOnly()).endsWith(" false");
			assertThat(repository.count()).isEqualTo(50);

			VectorJpaReadReplica readReplica = context.getBean(VectorJpaReadReplica.class);
			assertThat(readReplica.isAvailable()).isFalse();
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(ReadReplicaMetrics.class).bindTo(registry);
			assertThat(registry.get(ReadReplicaMetrics.FAILOVERS).functionCounter().count()).isGreaterThanOrEqualTo(3);
			assertThat(registry.get(ReadReplicaMetrics.AVAILABLE).gauge().value()).isZero();

			Health health = context.getBean(VectorJpaReadReplicaHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("failover", "read-only work runs on the primary")
				.containsKey("error");
			assertThat(health.toString()).doesNotContain("not-echoed-s3cret");
			assertThat(context.getBean(VectorJpaProperties.class).getReadReplica().toString())
				.doesNotContain("not-echoed-s3cret");
		}
	}

	/**
	 * Replication lag as a reader sees it: from the primary's commit until the row is visible on the replica, per
	 * {@code synchronous_commit} of the writing session (the figures of docs/scale-out.md come from this output).
	 * With no synchronous standby, "on" and "local" both wait for the primary's own WAL flush, which is also when the
	 * walsender can stream it; "off" (what scripts/db.sh configures for speed) leaves the flush to the WAL writer,
	 * every {@code wal_writer_delay} (200 ms).
	 */
	@Test
	void committedRowsBecomeVisibleOnTheReplicaWithinTheMeasuredLag(TestSchema schema) throws SQLException {
		PostgresReplica replica = PostgresReplica.get();
		schema.execute("create table lag_probe (id int primary key)");
		replica.awaitReplay(Duration.ofSeconds(30));
		int next = 0;
		for (String synchronousCommit : List.of("on", "local", "off")) {
			int commits = synchronousCommit.equals("off") ? 50 : 200;
			List<Long> micros = new ArrayList<>();
			try (Connection primary = schema.connect();
					Statement settings = primary.createStatement();
					PreparedStatement insert = primary.prepareStatement("insert into lag_probe values (?)");
					Connection standby = DriverManager.getConnection(replica.jdbcUrl(schema.name()));
					PreparedStatement visible = standby.prepareStatement("select count(*) from lag_probe where id = ?")) {
				settings.execute("set synchronous_commit = " + synchronousCommit);
				for (int i = next; i < next + commits; i++) {
					insert.setInt(1, i);
					insert.executeUpdate();
					long committed = System.nanoTime();
					visible.setInt(1, i);
					while (!exists(visible)) {
						assertThat(System.nanoTime() - committed).as("lag of row %d", i).isLessThan(10_000_000_000L);
					}
					micros.add((System.nanoTime() - committed) / 1000);
				}
			}
			next += commits;
			List<Long> sorted = micros.stream().sorted().toList();
			System.out.printf("replication lag (commit on the primary -> visible on the replica), synchronous_commit=%s, "
					+ "%d commits: median %.2f ms, p95 %.2f ms, max %.2f ms%n", synchronousCommit, sorted.size(),
					sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() * 95 / 100) / 1000.0,
					sorted.get(sorted.size() - 1) / 1000.0);
		}
	}

	private static boolean exists(PreparedStatement count) throws SQLException {
		try (ResultSet result = count.executeQuery()) {
			result.next();
			return result.getLong(1) == 1;
		}
	}

	private ConfigurableApplicationContext run(TestSchema schema, String replicaUrl, String... more) {
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + schema.jdbcUrl(),
				"spring.jpa.hibernate.ddl-auto=create-drop",
				"vector-jpa.dimensions=" + DIMENSIONS,
				"spring.datasource.hikari.data-source-properties.ApplicationName=" + this.primaryApplication,
				"vector-jpa.read-replica.url=" + replicaUrl
						+ (replicaUrl.contains("?") ? "&" : "?") + "ApplicationName=" + this.replicaApplication));
		properties.addAll(List.of(more));
		return new SpringApplicationBuilder(ReplicaTestApplication.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	/** The last statement of every connection of {@code application} on the server: one of them contains text. */
	private static void assertLastStatementOn(String url, String application, String text) throws SQLException {
		assertThat(lastStatements(url, application)).as("last statements of %s", application)
			.anyMatch((statement) -> statement.contains(text));
	}

	private static void assertNoStatementOn(String url, String application, String text) throws SQLException {
		assertThat(lastStatements(url, application)).as("last statements of %s", application)
			.noneMatch((statement) -> statement.contains(text));
	}

	private static List<String> lastStatements(String url, String application) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				PreparedStatement statement = connection
					.prepareStatement("select query from pg_stat_activity where application_name = ?")) {
			statement.setString(1, application);
			List<String> statements = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					statements.add(result.getString(1));
				}
			}
			return statements;
		}
	}

	private static String server(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				PreparedStatement statement = connection
					.prepareStatement("select inet_server_port() || ' ' || pg_is_in_recovery()");
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getString(1);
		}
	}

	private static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private float[] randomVector() {
		float[] vector = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			vector[i] = this.random.nextFloat() * 2 - 1;
		}
		return vector;
	}

	private static List<UUID> ids(List<Nearest<ReplicaDocument>> nearest) {
		return nearest.stream().map((n) -> n.entity().getId()).toList();
	}

	private static List<UUID> bruteForce(List<ReplicaDocument> documents, float[] query, String title, int k) {
		return documents.stream()
			.filter((document) -> title == null || title.equals(document.getTitle()))
			.sorted(Comparator.comparingDouble((ReplicaDocument document) -> cosineDistance(document.getEmbedding(),
					query)))
			.limit(k)
			.map(ReplicaDocument::getId)
			.toList();
	}

	private static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += (double) a[i] * b[i];
			na += (double) a[i] * a[i];
			nb += (double) b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

}
