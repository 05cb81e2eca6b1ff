package dev.vectorjpa.benchmarks.run;

import java.util.List;

/**
 * One way of running a k-nearest-neighbour query (a library's API or raw JDBC); must be safe for concurrent use.
 */
public interface Searcher {

	/** The name shown in tables and plots. */
	String name();

	/** The row indexes ({@code Dataset.index}) of the {@code k} rows nearest to {@code query}, nearest first. */
	List<Integer> search(float[] query, int k) throws Exception;

}
