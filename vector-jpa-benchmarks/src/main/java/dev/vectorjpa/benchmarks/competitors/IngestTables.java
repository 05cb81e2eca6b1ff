package dev.vectorjpa.benchmarks.competitors;

import java.sql.SQLException;

import dev.vectorjpa.benchmarks.db.BenchDatabase;

/** The ingest table shape shared by raw COPY, JPA and vector-jpa: what an entity with a category would map to. */
public final class IngestTables {

	private IngestTables() {
	}

	/** (Re)creates an index-less ingest table. */
	public static void create(BenchDatabase db, String table, int dimensions) throws SQLException {
		db.execute("DROP TABLE IF EXISTS " + table + " CASCADE", "CREATE TABLE " + table
				+ " (id uuid PRIMARY KEY, content text, category text, embedding vector(" + dimensions + ") NOT NULL)");
	}

}
