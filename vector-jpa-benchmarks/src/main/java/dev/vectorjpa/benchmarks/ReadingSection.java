package dev.vectorjpa.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.benchmarks.report.Report;

/** The targets of issue 10 with the ratios this run measured, and how to read the tables. */
final class ReadingSection {

	/** Target rows: target, measured, verdict; filled in by the sections as they run. */
	static final List<List<String>> TARGETS = new ArrayList<>();

	private ReadingSection() {
	}

	static void target(String target, String measured, Boolean met) {
		TARGETS.add(List.of(target, measured, (met == null) ? "not measured" : (met ? "met" : "**missed**")));
	}

	static void write(Report report) {
		report.heading(2, "Targets");
		if (TARGETS.isEmpty()) {
			report.paragraph("No target was measured in this run (see the sections run above).");
		}
		else {
			report.table(List.of("target", "measured in this run", "verdict"), TARGETS);
		}
		report.heading(2, "Reading the results");
		report.paragraph("- *Ingest*: binary COPY is the ceiling; everything that sends one INSERT row per vector in text "
				+ "form (JPA batching, Spring AI's `batchUpdate` upsert, LangChain4j's `executeBatch` upsert) pays for "
				+ "formatting and parsing each float as text and for per-row executor overhead on the server.\n"
				+ "- *Queries*: with the same HNSW index, differences are client and SQL-shape overhead: entity "
				+ "materialization (JPA), transactions and `SET LOCAL` round trips, literal vectors in the SQL text "
				+ "(LangChain4j: the server parses a new statement each time), extra distance predicates in `WHERE` "
				+ "(Spring AI, LangChain4j, Spring Data's score bound).\n"
				+ "- *Recall*: HNSW recall is set by ef_search, not by the client; the client only moves QPS.\n"
				+ "- *Filtered*: without iterative scans a selective filter leaves fewer than k rows after the index's "
				+ "ef_search candidates; iterative scans restore recall at some QPS cost; a partial index is the fastest "
				+ "when the filter values are known in advance.");
		report.heading(2, "Profiling");
		report.paragraph("`scripts/benchmark.sh --jfr` records a JFR profile of the client into "
				+ "`vector-jpa-benchmarks/target/benchmark.jfr`; `jfr print --stack-depth 40 --events jdk.ExecutionSample` "
				+ "lists the samples per benchmark thread (threads are named `bench-<competitor>-<n>`). A profile of "
				+ "`--only query` at small scale (2026-11-22, this build) showed, per query at 384 dims: about 30% of the "
				+ "`findNearest` client thread's samples in formatting the query vector as text (`PGvector.getValue`, i.e. "
				+ "`Float.toString` per component) for the `cast(? as vector)` parameter, and the rest in Hibernate's native "
				+ "query execution and entity materialization; the same-SQL raw JDBC thread spends about 60% in the same "
				+ "query formatting plus pgvector-java's text parsing of the result vectors, which vector-jpa's own "
				+ "parser (`VectorTextParser`) does with a third of the allocation. Sending the query vector in binary "
				+ "(or with a faster float formatter) is the next client-side saving for the library. On the server side, "
				+ "`findNearest` always runs in a read-only transaction (its Javadoc: `SET LOCAL` and managed results need "
				+ "one), so it pays a `COMMIT` round trip the autocommit raw statement does not; on a quiet machine that is "
				+ "tens of microseconds against a query of a millisecond or more, on a machine whose run queue is long (as "
				+ "in a harness check on a shared box) each round trip waits for the scheduler and the ratio drops. Only "
				+ "a quiet default-scale run says whether the 0.9× target is met.");
	}

}
