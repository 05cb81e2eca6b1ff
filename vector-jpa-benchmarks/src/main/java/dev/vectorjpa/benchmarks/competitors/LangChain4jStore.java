package dev.vectorjpa.benchmarks.competitors;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.run.Ingester;
import dev.vectorjpa.benchmarks.run.Searcher;

/**
 * LangChain4j's {@link PgVectorEmbeddingStore} (cosine only): {@code addAll} into its own table, {@code search} over a
 * view of the shared search table with LangChain4j's column names. Configured as a knowledgeable user would: the
 * shared pool, no {@code CREATE EXTENSION} per connection, no IVFFlat index of its own (the shared HNSW one serves).
 */
public final class LangChain4jStore implements Ingester, Searcher {

	private final BenchDatabase db;

	private final String table;

	private final boolean search;

	private PgVectorEmbeddingStore store;

	private LangChain4jStore(BenchDatabase db, Dataset dataset, String table, boolean search) {
		this.db = db;
		this.table = table;
		this.search = search;
		if (search) {
			this.store = store(dataset, false);
		}
	}

	/** Ingests into LangChain4j's own table {@code ingest_langchain4j}. */
	public static LangChain4jStore ingester(BenchDatabase db, Dataset dataset) {
		return new LangChain4jStore(db, dataset, "ingest_langchain4j", false);
	}

	/** Searches {@code searchTable} through a view named {@code langchain4j_<dataset>}. */
	public static LangChain4jStore searcher(BenchDatabase db, Dataset dataset, String searchTable) throws Exception {
		String view = "langchain4j_" + dataset.name();
		db.execute("DROP VIEW IF EXISTS " + view, "CREATE VIEW " + view
				+ " AS SELECT id AS embedding_id, embedding, content AS text, metadata::json AS metadata FROM "
				+ searchTable);
		return new LangChain4jStore(db, dataset, view, true);
	}

	private PgVectorEmbeddingStore store(Dataset dataset, boolean create) {
		return PgVectorEmbeddingStore.datasourceBuilder()
			.datasource(this.db.isolatedDataSource("langchain4j"))
			.table(this.table)
			.dimension(dataset.dimensions())
			.createTable(create)
			.dropTableFirst(create)
			.useIndex(false)
			.skipCreateVectorExtension(true)
			.build();
	}

	@Override
	public String name() {
		return this.search ? "LangChain4j search" : "LangChain4j addAll";
	}

	@Override
	public void prepare(Dataset dataset) {
		this.store = store(dataset, true);
	}

	@Override
	public void write(Dataset dataset, int from, int to) {
		List<String> ids = new ArrayList<>(to - from);
		List<Embedding> embeddings = new ArrayList<>(to - from);
		List<TextSegment> segments = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			ids.add(Dataset.id(i).toString());
			embeddings.add(Embedding.from(dataset.base()[i]));
			segments.add(TextSegment.from("doc " + i, Metadata.from("category", dataset.categories()[i])));
		}
		this.store.addAll(ids, embeddings, segments);
	}

	@Override
	public long count() throws Exception {
		return Long.parseLong(this.db.value("SELECT count(*) FROM " + this.table));
	}

	@Override
	public List<Integer> search(float[] query, int k) {
		List<EmbeddingMatch<TextSegment>> matches = this.store
			.search(EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(query)).maxResults(k).minScore(0.0).build())
			.matches();
		List<Integer> rows = new ArrayList<>(matches.size());
		for (EmbeddingMatch<TextSegment> match : matches) {
			rows.add(Dataset.index(match.embeddingId()));
		}
		return rows;
	}

}
