package dev.vectorjpa.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.store.Match;
import dev.vectorjpa.store.PgVectorStore;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four domains under random concurrent load for six seconds: four threads mix writes and reads, in a transaction,
 * a read-only one or none, through repositories and stores. Every row seen is checked against the current domain
 * and every row written against the domain it was written in: the wrong-domain count must be zero.
 */
@DatabaseTest
class ConcurrentDomainIsolationIntegrationTests {

	static final List<String> DOMAINS = List.of("acme", "globex", "o'brien; --", "ümlaut");

	static final long DURATION_NANOS = 6_000_000_000L;

	@Test
	void noOperationSeesOrWritesAnotherDomainsRows(TestSchema schema) throws Exception {
		Map<UUID, String> written = new ConcurrentHashMap<>();
		Map<String, List<UUID>> byDomain = new ConcurrentHashMap<>();
		DOMAINS.forEach((domain) -> byDomain.put(domain, new java.util.concurrent.CopyOnWriteArrayList<>()));
		AtomicLong wrongSeen = new AtomicLong();
		AtomicLong operations = new AtomicLong();
		try (ReliabilityFixture fixture = new ReliabilityFixture(schema, 4)) {
			Map<String, PgVectorStore> stores = new ConcurrentHashMap<>();
			for (String domain : DOMAINS) {
				stores.put(domain, fixture.store(fixture.storeSettings("rel_isolation_store").domain(domain).build()));
			}
			TransactionTemplate readOnly = new TransactionTemplate(fixture.transactionManager);
			readOnly.setReadOnly(true);
			ExecutorService threads = Executors.newFixedThreadPool(4);
			List<Future<?>> results = new ArrayList<>();
			long end = System.nanoTime() + DURATION_NANOS;
			for (int t = 0; t < 4; t++) {
				long seed = 500 + t;
				results.add(threads.submit(() -> {
					Random random = new Random(seed);
					while (System.nanoTime() < end) {
						String domain = DOMAINS.get(random.nextInt(DOMAINS.size()));
						float[] query = ReliabilityFixture.vector(random, 4);
						String other = DOMAINS.get((DOMAINS.indexOf(domain) + 1) % DOMAINS.size());
						switch (random.nextInt(9)) {
							case 0 -> {
								List<RelDoc> docs = ReliabilityFixture.docs(random, 3, "news");
								fixture.inTransaction(domain, () -> fixture.docs.saveAll(docs));
								record(docs, domain, written, byDomain);
							}
							case 1 -> {
								List<RelDoc> docs = ReliabilityFixture.docs(random, 5, "tech");
								fixture.as(domain, () -> fixture.docs.bulkInsert(docs));
								record(docs, domain, written, byDomain);
							}
							case 2 -> wrongSeen.addAndGet(wrong(domain, fixture.as(domain,
									() -> fixture.docs.findNearest(query, 20))));
							case 3 -> wrongSeen.addAndGet(wrong(domain, fixture.as(domain, () -> readOnly.execute(
									(status) -> fixture.docs.findNearestByCategory(query, "tech", 20)))));
							case 4 -> wrongSeen.addAndGet(wrong(domain, fixture.inTransaction(domain,
									() -> fixture.docs.findHybrid(query, "news", 20))));
							case 5 -> {
								List<UUID> foreign = byDomain.get(other);
								if (!foreign.isEmpty()) {
									UUID id = foreign.get(random.nextInt(foreign.size()));
									if (fixture.as(domain, () -> fixture.docs.findById(id)).isPresent()) {
										wrongSeen.incrementAndGet();
									}
								}
							}
							case 6 -> {
								long seen = fixture.as(domain, () -> readOnly.execute(
										(status) -> fixture.docs.findAll().stream()
											.filter((doc) -> !domain.equals(doc.getDomain()))
											.count()));
								wrongSeen.addAndGet(seen);
							}
							case 7 -> {
								PgVectorStore store = stores.get(domain);
								List<Object> ids = store.add(List.of(query), null, List.of(Map.of("domain", domain)));
								ids.forEach((id) -> written.put((UUID) id, domain));
							}
							default -> {
								List<Match> matches = fixture.inTransaction(domain,
										() -> stores.get(domain).search(query, 20, MetadataFilter.exists("domain")));
								wrongSeen.addAndGet(matches.stream()
									.filter((match) -> !domain.equals(match.metadata().get("domain")))
									.count());
							}
						}
						operations.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> result : results) {
				result.get();
			}
			threads.shutdown();
			long wrongWritten = 0;
			for (String table : List.of("rel_docs", "rel_isolation_store")) {
				String domainColumn = table.equals("rel_docs") ? "domain" : "domain_id";
				for (List<Object> row : schema.query("SELECT id, " + domainColumn + " FROM " + table)) {
					if (!row.get(1).equals(written.get((UUID) row.get(0)))) {
						wrongWritten++;
					}
				}
			}
			System.out.printf("isolation: %d operations in %d s over %d domains, %d rows written, wrong-domain rows seen %d,"
					+ " written %d%n", operations.get(), DURATION_NANOS / 1_000_000_000L, DOMAINS.size(), written.size(),
					wrongSeen.get(), wrongWritten);
			assertThat(operations.get()).isGreaterThan(20);
			assertThat(written).isNotEmpty();
			assertThat(wrongSeen.get()).as("wrong-domain rows seen").isZero();
			assertThat(wrongWritten).as("wrong-domain rows written").isZero();
		}
	}

	private static void record(List<RelDoc> docs, String domain, Map<UUID, String> written,
			Map<String, List<UUID>> byDomain) {
		for (RelDoc doc : docs) {
			written.put(doc.getId(), domain);
			byDomain.get(domain).add(doc.getId());
		}
	}

	private static long wrong(String domain, List<Nearest<RelDoc>> found) {
		return found.stream().filter((nearest) -> !domain.equals(nearest.entity().getDomain())).count();
	}

}
