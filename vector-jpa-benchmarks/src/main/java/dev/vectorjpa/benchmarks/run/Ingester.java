package dev.vectorjpa.benchmarks.run;

import dev.vectorjpa.benchmarks.data.Dataset;

/**
 * One way of writing rows (a library's API or raw JDBC) into its own, freshly created, index-less table.
 */
public interface Ingester {

	/** Rows handed over per call (and per transaction): the same for every ingester. */
	int CHUNK = 10_000;

	/** The name shown in tables and plots. */
	String name();

	/** (Re)creates the empty target table. */
	void prepare(Dataset dataset) throws Exception;

	/** Writes rows {@code from} (inclusive) to {@code to} (exclusive) of the data set in one call. */
	void write(Dataset dataset, int from, int to) throws Exception;

	/** The rows the target table holds (checked after the timed run). */
	long count() throws Exception;

}
