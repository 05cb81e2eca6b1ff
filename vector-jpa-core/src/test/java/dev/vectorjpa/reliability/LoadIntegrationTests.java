package dev.vectorjpa.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight searchers and two writers against one domain-scoped repository on a pool of ten, for
 * {@code -Dvector-jpa.load.seconds} (6 by default; {@code scripts/soak.sh} runs it for 10 minutes). Reports searches
 * and writes per second, p50/p99 latency and errors, and samples the heap and the pool's server connections every
 * {@code -Dvector-jpa.load.sample-seconds} (2); the report goes to stdout and {@code target/reliability-load.txt}.
 */
@DatabaseTest
class LoadIntegrationTests {

	static final int SEARCHERS = 8;

	static final int WRITERS = 2;

	@Test
	void eightSearchersAndTwoWritersRunWithoutErrors(TestSchema schema) throws Exception {
		long seconds = Long.getLong("vector-jpa.load.seconds", 6);
		long sampleSeconds = Long.getLong("vector-jpa.load.sample-seconds", 2);
		try (ReliabilityFixture fixture = new ReliabilityFixture(schema, SEARCHERS + WRITERS)) {
			fixture.as("load", () -> fixture.docs.bulkInsert(ReliabilityFixture.docs(new Random(1), 2_000, "news")));
			AtomicLong errors = new AtomicLong();
			AtomicLong writes = new AtomicLong();
			List<long[]> latencies = new ArrayList<>();
			List<String> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
			ExecutorService threads = Executors.newFixedThreadPool(SEARCHERS + WRITERS + 1);
			long start = System.nanoTime();
			long end = start + TimeUnit.SECONDS.toNanos(seconds);
			List<Future<long[]>> searchers = new ArrayList<>();
			for (int s = 0; s < SEARCHERS; s++) {
				long seed = 100 + s;
				searchers.add(threads.submit(() -> {
					Random random = new Random(seed);
					long[] times = new long[1 << 16];
					int n = 0;
					while (System.nanoTime() < end) {
						float[] query = ReliabilityFixture.vector(random, 4);
						long t0 = System.nanoTime();
						try {
							fixture.as("load", () -> fixture.docs.findNearest(query, 10));
							if (n == times.length) {
								times = Arrays.copyOf(times, n * 2);
							}
							times[n++] = System.nanoTime() - t0;
						}
						catch (RuntimeException ex) {
							errors.incrementAndGet();
						}
					}
					return Arrays.copyOf(times, n);
				}));
			}
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				long seed = 200 + w;
				writers.add(threads.submit(() -> {
					Random random = new Random(seed);
					while (System.nanoTime() < end) {
						try {
							if (random.nextBoolean()) {
								writes.addAndGet(fixture.as("load",
										() -> fixture.docs.bulkInsert(ReliabilityFixture.docs(random, 50, "tech"))));
							}
							else {
								writes.addAndGet(fixture.inTransaction("load",
										() -> fixture.docs.saveAll(ReliabilityFixture.docs(random, 5, "tech"))).size());
							}
						}
						catch (RuntimeException ex) {
							errors.incrementAndGet();
						}
					}
					return null;
				}));
			}
			threads.submit(() -> {
				while (System.nanoTime() < end) {
					samples.add(sample(schema, fixture, start));
					Thread.sleep(TimeUnit.SECONDS.toMillis(sampleSeconds));
				}
				return null;
			});
			for (Future<long[]> searcher : searchers) {
				latencies.add(searcher.get());
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			samples.add(sample(schema, fixture, start));
			threads.shutdownNow();
			long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			String report = String.format("load: %d searchers + %d writers, pool %d, %.1f s: %d searches (%.0f/s), "
					+ "p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d rows written (%.0f/s); errors %d%n", SEARCHERS, WRITERS,
					SEARCHERS + WRITERS, elapsed, all.length, all.length / elapsed, percentile(all, 0.50),
					percentile(all, 0.99), all[all.length - 1] / 1e6, writes.get(), writes.get() / elapsed,
					errors.get()) + String.join("", samples);
			System.out.print(report);
			Files.writeString(Path.of("target", "reliability-load.txt"), report);
			assertThat(errors.get()).as("errors").isZero();
			assertThat(all.length).isPositive();
			assertThat(writes.get()).isPositive();
		}
	}

	private static String sample(TestSchema schema, ReliabilityFixture fixture, long start) throws IOException {
		Runtime runtime = Runtime.getRuntime();
		long used = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
		Object connections = schema.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
				+ fixture.applicationName + "'").get(0).get(0);
		return String.format("  t=%4ds heap used %4d MB of %4d MB, server connections of the pool %s, active %d%n",
				(System.nanoTime() - start) / 1_000_000_000L, used, runtime.totalMemory() / (1024 * 1024), connections,
				fixture.pool.getHikariPoolMXBean().getActiveConnections());
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

}
