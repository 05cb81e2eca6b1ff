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
	}

}
