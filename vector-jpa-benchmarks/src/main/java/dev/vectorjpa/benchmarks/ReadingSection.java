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
		report.paragraph("- *Ingest*: binary COPY is the ceiling. `bulkInsert` streams the same binary COPY (one statement "
				+ "for all rows when ids need no database) and adds, per row, Hibernate's value extraction from the entity "
				+ "and the vector checks. Everything that sends one INSERT row per vector in text form (JPA batching, "
				+ "Spring AI's `batchUpdate` upsert, LangChain4j's `executeBatch` upsert) pays for formatting and parsing "
				+ "each float as text and for per-row executor work on the server. The \"vs raw COPY\" column bounds any "
				+ "COPY-based client: where raw COPY itself is less than 5× batched `saveAll`, so is `bulkInsert`.\n"
				+ "- *Queries*: with the same HNSW index the server's work is the same; the differences are the client "
				+ "(formatting the query vector, parsing or decoding result vectors, entity materialization, allocation) "
				+ "and the SQL shape (literal vectors in the SQL text make LangChain4j's statements unpreparable; extra "
				+ "distance predicates in `WHERE` cost Spring AI, LangChain4j and Spring Data's score bound). On 2 cores "
				+ "shared with PostgreSQL, client CPU per query turns directly into QPS from 2 threads on.\n"
				+ "- *Binary transfer*: pgvector-java's `PGvector.addVectorType` on a connection makes pgjdbc receive "
				+ "vectors in binary on server-prepared statements and send `PGvector` parameters in binary. LangChain4j "
				+ "does it on every connection it uses, which is why it and Spring AI get pools of their own here: on a "
				+ "shared pool they silently switch every other client to binary transfer.\n"
				+ "- *Recall*: HNSW recall is set by ef_search, not by the client; the client only moves QPS. The *plan* "
				+ "column shows where PostgreSQL's cost model leaves the index for an exact scan (IVFFlat at high probes; "
				+ "HNSW at high ef_search when vectors are TOASTed, which is why this benchmark stores them inline).\n"
				+ "- *Filtered*: without iterative scans a selective filter leaves fewer than k rows after the index's "
				+ "ef_search candidates; iterative scans keep searching, but each round is an ef_search-wide graph search "
				+ "whose own recall bounds theirs, so they need a higher ef_search on hard data; a partial index (or a "
				+ "partition) per filter value is the fastest and most accurate when the values are known in advance.");
		report.heading(2, "Profiling");
		report.paragraph("`scripts/benchmark.sh --jfr` records a JFR profile of the client into "
				+ "`vector-jpa-benchmarks/target/benchmark.jfr`; `jfr print --stack-depth 40 --events jdk.ExecutionSample` "
				+ "lists the samples per benchmark thread (threads are named `bench-<competitor>-<n>`). What profiles of the "
				+ "`findNearest` client thread (1 thread, 100,000 rows, interleaved against the same-SQL raw JDBC replay) "
				+ "found and what was changed, in the order it was done (2026-11-22):");
		report.paragraph("1. About 30 % of the client's samples formatted the query vector as text (`PGvector#getValue`, "
				+ "`Float.toString` per component). `VectorTextFormatter` writes 9 significant digits from a double "
				+ "computation, exact on read-back (proof in its Javadoc, 2 million random bit patterns in "
				+ "`VectorTextFormatterUnitTests`): 384 dims in 23 µs instead of 60 µs; heap per query 457 KB → 169 KB. It "
				+ "also formats every vector that JPA writes and the entity-less store's vectors.\n"
				+ "2. Outside a transaction `findNearest` loads into a read-only session (its entities are detached on "
				+ "return anyway): no dirty-checking snapshot copy of each vector; 169 KB → 153 KB per query.\n"
				+ "3. Vectors are parsed from the bytes pgjdbc received (`ResultSet#getBytes` of the text column) instead "
				+ "of a decoded `String`: at 1536 dims, 10 rows, client CPU 3.3 → 2.95 ms per query and 557 KB → 365 KB.\n"
				+ "4. `bulkInsert` streamed its rows in chunks of 5,000, one `COPY` each, preparing a whole chunk while the "
				+ "server idled: with assigned or UUID ids it now streams every row through one `COPY` (sequence ids still "
				+ "need chunks: a connection in COPY mode cannot query the sequence), and `PgCopyWriter` writes the "
				+ "components of a vector in runs with a `VarHandle` instead of one bounds-checked `putInt` each.\n"
				+ "5. (issue 15, 2026-12-04) Searches receive their own rows' vectors in binary by default: for the "
				+ "duration of the statement the `vector` type is a binary-receive type of the pgjdbc connection "
				+ "(`BinaryVectorTransfer.transferring`), removed again afterwards, so the pooled connection reads vectors "
				+ "as text for all other code; the statements described meanwhile keep binary. Before, binary needed the "
				+ "opt-in `vector-jpa.binary-transfer`, which changes the connections for everybody.");
		report.paragraph("What remains (384 dims, per query): about 20 % of the client samples parse vectors, about 55 % "
				+ "are Hibernate's native-query machinery (opening the session, creating the `NativeQuery`, resolving the "
				+ "dynamic result-set mapping for each execution, initialising entities), about 10 % are pgjdbc. The "
				+ "Hibernate share is the price of returning managed entities; a projection API that maps rows without "
				+ "Hibernate is where a further client-side saving would come from.");
	}

}
