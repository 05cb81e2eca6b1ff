package dev.vectorjpa.benchmarks;

/** What is known of ann-benchmarks' published pgvector figures (filled in from sources we could read). */
final class AnnBenchmarks {

	static final String PUBLISHED = "**ann-benchmarks' published pgvector figures:** not reproduced here. This machine "
			+ "has no web access and none of the reference sources we could search holds ann-benchmarks' pgvector "
			+ "numbers for fashion-mnist-784-euclidean, so we print none rather than invent them. To compare, open "
			+ "ann-benchmarks.com → fashion-mnist-784-euclidean → pgvector (their runs: one query thread on a "
			+ "dedicated cloud server whose exact type the site states, session-level `SET hnsw.ef_search`); this run is on the "
			+ "machine described at the top (2 cores shared with other work), and adds a `SET LOCAL` transaction per "
			+ "query, so absolute QPS is lower, while recall at a given ef_search should match closely (same algorithm, "
			+ "same m/ef_construction).";

	private AnnBenchmarks() {
	}

}
