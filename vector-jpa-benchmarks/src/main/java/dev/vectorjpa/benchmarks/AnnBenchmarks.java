package dev.vectorjpa.benchmarks;

/** What is known of published ann-benchmarks pgvector figures for fashion-mnist-784-euclidean. */
final class AnnBenchmarks {

	static final String PUBLISHED = "**Published ann-benchmarks figures for pgvector beside ours.** This machine has no web "
			+ "access, and the recall/QPS points of ann-benchmarks.com's own pgvector plot could not be retrieved from the "
			+ "sources we can search, so none are copied here. The closest published ann-benchmarks runs of pgvector on "
			+ "this data set that we could read are Small Datum's (\"Evaluating vector indexes in MariaDB and pgvector\", "
			+ "parts 1 and 2, January 2025, smalldatum.blogspot.com): a peak of about **4,000 QPS** with one query session "
			+ "and about **15,000 QPS** with `--batch` (one concurrent query per core) over a sweep of m, ef_construction "
			+ "and ef_search, on an **8-core** server. Hardware difference: that server has 8 dedicated cores running "
			+ "only the benchmark; the run above has 2 cores that PostgreSQL and the JVM client share, and each of our queries also pays a `SET LOCAL` transaction and entity-style reading of every "
			+ "column. Absolute QPS is therefore not comparable; recall at a given ef_search is (same algorithm, same "
			+ "m = 16 / ef_construction = 64 for the points above, same ground-truth rule).";

	private AnnBenchmarks() {
	}

}
