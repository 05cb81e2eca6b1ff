package dev.vectorjpa.benchmarks.competitors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore.PgDistanceType;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore.PgIndexType;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.run.Ingester;
import dev.vectorjpa.benchmarks.run.Searcher;

/**
 * Spring AI's {@link PgVectorStore}: {@code add} into its own table (created by Spring AI), {@code similaritySearch}
 * over a view of the shared search table that has Spring AI's column names, so that it searches the same rows
 * through the same HNSW index as everyone else. Documents are batched as one list per call (no token counting), as
 * a user with precomputed vectors would configure it.
 */
public final class SpringAiStore implements Ingester, Searcher {

	private final BenchDatabase db;

	private final Dataset dataset;

	private final String table;

	private final boolean search;

	private PgVectorStore store;

	private SpringAiStore(BenchDatabase db, Dataset dataset, String table, boolean search) {
		this.db = db;
		this.dataset = dataset;
		this.table = table;
		this.search = search;
		if (search) {
			this.store = store(false);
		}
	}

	/** Ingests into Spring AI's own table {@code ingest_springai}. */
	public static SpringAiStore ingester(BenchDatabase db, Dataset dataset) {
		return new SpringAiStore(db, dataset, "ingest_springai", false);
	}

	/** Searches {@code searchTable} through a view named {@code springai_<dataset>}. */
	public static SpringAiStore searcher(BenchDatabase db, Dataset dataset, String searchTable) throws Exception {
		String view = "springai_" + dataset.name();
		db.execute("DROP VIEW IF EXISTS " + view, "CREATE VIEW " + view
				+ " AS SELECT id, content, metadata::json AS metadata, embedding FROM " + searchTable);
		return new SpringAiStore(db, dataset, view, true);
	}

	private PgVectorStore store(boolean initialize) {
		JdbcTemplate jdbc = new JdbcTemplate(this.db.isolatedDataSource("spring-ai"));
		PgVectorStore built = PgVectorStore.builder(jdbc, new StubEmbeddingModel(this.dataset))
			.schemaName(BenchDatabase.SCHEMA)
			.vectorTableName(this.table)
			.dimensions(this.dataset.dimensions())
			.distanceType(PgDistanceType.COSINE_DISTANCE)
			.indexType(PgIndexType.NONE)
			.initializeSchema(initialize)
			.removeExistingVectorStoreTable(initialize)
			.batchingStrategy(List::of)
			.build();
		built.afterPropertiesSet();
		return built;
	}

	@Override
	public String name() {
		return this.search ? "Spring AI similaritySearch" : "Spring AI PgVectorStore.add";
	}

	@Override
	public void prepare(Dataset data) {
		this.store = store(true);
	}

	@Override
	public void write(Dataset data, int from, int to) {
		List<Document> documents = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			documents.add(new Document(Dataset.id(i).toString(), "doc " + i, Map.of("category", data.categories()[i])));
		}
		this.store.add(documents);
	}

	@Override
	public long count() throws Exception {
		return Long.parseLong(this.db.value("SELECT count(*) FROM " + this.table));
	}

	@Override
	public List<Integer> search(float[] query, int k) {
		StubEmbeddingModel.nextQuery(query);
		List<Document> documents = this.store
			.similaritySearch(SearchRequest.builder().query("query").topK(k).similarityThresholdAll().build());
		List<Integer> rows = new ArrayList<>(documents.size());
		for (Document document : documents) {
			rows.add(Dataset.index(document.getId()));
		}
		return rows;
	}

}
