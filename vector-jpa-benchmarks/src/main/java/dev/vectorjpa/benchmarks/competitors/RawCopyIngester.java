package dev.vectorjpa.benchmarks.competitors;

import java.sql.Connection;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.db.BinaryCopy;
import dev.vectorjpa.benchmarks.run.Ingester;

/** The ingest ceiling: hand-written binary {@code COPY} with pgvector-java's vector encoding. */
public final class RawCopyIngester implements Ingester {

	private final BenchDatabase db;

	private final String table;

	/** Writes into {@code table}. */
	public RawCopyIngester(BenchDatabase db, String table) {
		this.db = db;
		this.table = table;
	}

	@Override
	public String name() {
		return "raw JDBC binary COPY";
	}

	@Override
	public void prepare(Dataset dataset) throws Exception {
		IngestTables.create(this.db, this.table, dataset.dimensions());
	}

	@Override
	public void write(Dataset dataset, int from, int to) throws Exception {
		try (Connection c = this.db.dataSource().getConnection()) {
			c.setAutoCommit(false);
			try (BinaryCopy copy = new BinaryCopy(c, this.table, "id, content, category, embedding")) {
				for (int i = from; i < to; i++) {
					copy.row(4).uuid(Dataset.id(i)).text("doc " + i).text(dataset.categories()[i]).vector(dataset.base()[i]);
				}
				copy.finish();
			}
			c.commit();
			c.setAutoCommit(true);
		}
	}

	@Override
	public long count() throws Exception {
		return Long.parseLong(this.db.value("SELECT count(*) FROM " + this.table));
	}

}
