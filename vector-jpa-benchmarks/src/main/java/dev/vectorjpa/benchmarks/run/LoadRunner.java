package dev.vectorjpa.benchmarks.run;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.GroundTruth;

/**
 * Runs a {@link Searcher} from several client threads: a warm-up, then a timed loop that records every query's
 * latency (exact percentiles from the sorted samples), recall against the ground truth and, with one thread, the
 * Java heap allocated and the client CPU time spent per query ({@code com.sun.management.ThreadMXBean}).
 */
public final class LoadRunner {

	private final Dataset dataset;

	private final GroundTruth truth;

	private final int k;

	private final boolean resume;

	/** The query the next run starts at, when runs resume. */
	private final AtomicLong cursor = new AtomicLong();

	/** A runner over {@code dataset}'s queries, checked against {@code truth}; each run starts at the first query. */
	public LoadRunner(Dataset dataset, GroundTruth truth, int k) {
		this(dataset, truth, k, false);
	}

	/**
	 * A runner over {@code dataset}'s queries, checked against {@code truth}; with {@code resume}, each run starts at
	 * the query after the last one the previous run timed (use one runner per searcher then), so that short
	 * interleaved runs of a slow searcher cover different queries instead of the first few again.
	 */
	public LoadRunner(Dataset dataset, GroundTruth truth, int k, boolean resume) {
		this.dataset = dataset;
		this.truth = truth;
		this.k = k;
		this.resume = resume;
	}

	/**
	 * Warms up with {@code warmup} queries, then runs until {@code seconds} have passed or {@code maxQueries} queries
	 * are done (each query index at most once when {@code maxQueries} is the query count).
	 */
	public Measurement run(Searcher searcher, int threads, int warmup, double seconds, long maxQueries) throws Exception {
		float[][] queries = this.dataset.queries();
		for (int i = 0; i < warmup; i++) {
			searcher.search(queries[i % queries.length], this.k);
		}
		com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long first = this.resume ? this.cursor.get() : 0;
		AtomicLong next = new AtomicLong(first);
		AtomicLong allocated = new AtomicLong();
		AtomicLong cpu = new AtomicLong();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long[][] latencies = new long[threads][];
		int[] counts = new int[threads];
		double[] recallSums = new double[threads];
		long[] rowSums = new long[threads];
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> workers = new ArrayList<>();
		long[] window = new long[2];
		for (int t = 0; t < threads; t++) {
			int id = t;
			Thread worker = new Thread(() -> {
				long[] samples = new long[4096];
				int n = 0;
				double recall = 0;
				long returned = 0;
				try {
					start.await();
					long end = window[0] + (long) (seconds * 1e9);
					long before = mx.getCurrentThreadAllocatedBytes();
					long cpuBefore = mx.getCurrentThreadCpuTime();
					for (long q = next.getAndIncrement(); q - first < maxQueries && System.nanoTime() < end;
							q = next.getAndIncrement()) {
						int query = (int) (q % queries.length);
						long t0 = System.nanoTime();
						List<Integer> rows = searcher.search(queries[query], this.k);
						long elapsed = System.nanoTime() - t0;
						if (n == samples.length) {
							samples = Arrays.copyOf(samples, n * 2);
						}
						samples[n++] = elapsed;
						recall += this.truth.recall(this.dataset, query, rows, this.k);
						returned += rows.size();
					}
					allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - before);
					cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuBefore);
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
				latencies[id] = Arrays.copyOf(samples, n);
				counts[id] = n;
				recallSums[id] = recall;
				rowSums[id] = returned;
			}, "bench-" + searcher.name() + "-" + t);
			workers.add(worker);
			worker.start();
		}
		window[0] = System.nanoTime();
		start.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		window[1] = System.nanoTime();
		if (failure.get() != null) {
			throw new IllegalStateException(searcher.name() + " failed: " + failure.get(), failure.get());
		}
		long total = 0;
		double recall = 0;
		long returned = 0;
		for (int t = 0; t < threads; t++) {
			total += counts[t];
			recall += recallSums[t];
			returned += rowSums[t];
		}
		this.cursor.set(first + total);
		long[] all = new long[(int) total];
		int offset = 0;
		for (int t = 0; t < threads; t++) {
			System.arraycopy(latencies[t], 0, all, offset, counts[t]);
			offset += counts[t];
		}
		Arrays.sort(all);
		Measurement m = Measurement.of(searcher.name(), threads, all, (window[1] - window[0]) / 1e9, recall,
				returned, allocated.get(), cpu.get());
		System.out.printf("    %-34s %d thr  %,8.0f qps  p50 %6.2f ms  p99 %6.2f ms  recall %.3f  %.1f rows%s%n", m.name(),
				threads, m.qps(), m.p50Millis(), m.p99Millis(), m.recall(), m.rowsPerQuery(), (m.bytesPerQuery() >= 0)
						? String.format("  %,d B/query  %,.0f µs client CPU/query", m.bytesPerQuery(), m.cpuMicrosPerQuery())
						: "");
		return m;
	}

}
