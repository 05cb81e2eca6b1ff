package dev.vectorjpa.benchmarks.competitors;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.jpa.JpaIngestDocument;
import dev.vectorjpa.benchmarks.jpa.JpaIngestRepository;
import dev.vectorjpa.benchmarks.run.Ingester;

/** Spring Data JPA {@code saveAll} with JDBC batching tuned (batch size 1000, {@code reWriteBatchedInserts}). */
public final class JpaSaveAllIngester implements Ingester {

	private final BenchDatabase db;

	private final JpaIngestRepository repository;

	private final TransactionTemplate transactions;

	/** Writes through {@code repository} in one transaction per call. */
	public JpaSaveAllIngester(BenchDatabase db, JpaIngestRepository repository, TransactionTemplate transactions) {
		this.db = db;
		this.repository = repository;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "JPA saveAll (batched)";
	}

	@Override
	public void prepare(Dataset dataset) throws Exception {
		IngestTables.create(this.db, "ingest_jpa", dataset.dimensions());
	}

	@Override
	public void write(Dataset dataset, int from, int to) {
		List<JpaIngestDocument> documents = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			documents.add(new JpaIngestDocument(Dataset.id(i), "doc " + i, dataset.categories()[i], dataset.base()[i]));
		}
		this.transactions.executeWithoutResult((status) -> this.repository.saveAll(documents));
	}

	@Override
	public long count() throws Exception {
		return Long.parseLong(this.db.value("SELECT count(*) FROM ingest_jpa"));
	}

}
