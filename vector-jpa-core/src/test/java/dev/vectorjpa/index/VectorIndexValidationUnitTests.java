package dev.vectorjpa.index;

import java.util.List;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.jdbc.PgVectorExtension;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Declared and explicit indexes are checked before any SQL, with messages naming the attribute and the limit.
 */
class VectorIndexValidationUnitTests {

	private static final VectorIndexSettings SETTINGS = VectorIndexSettings.defaults();

	@Test
	void tooManyDimensionsForTheIndexNamesTheAttributeAndSuggestsHalfvec() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> declared(VectorType.VECTOR, 3000, Metric.COSINE, "hnsw"))
			.withMessage("Document.embedding has 3000 dimensions; HNSW on vector supports at most 2000: use halfvec "
					+ "(up to 4000) or reduce dimensions");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> declared(VectorType.HALFVEC, 4001, Metric.COSINE, "ivfflat"))
			.withMessage("Document.embedding has 4001 dimensions; IVFFLAT on halfvec supports at most 4000: use bit "
					+ "(binary quantization, up to 64000) or reduce dimensions");
		assertThatIllegalArgumentException().isThrownBy(() -> declared(VectorType.BIT, 64001, Metric.HAMMING, "hnsw"))
			.withMessage("Document.embedding has 64001 dimensions; HNSW on bit supports at most 64000: reduce "
					+ "dimensions");
		assertThat(declared(VectorType.VECTOR, 2000, Metric.COSINE, "hnsw").indexName())
			.isEqualTo("document_embedding_hnsw_cosine_idx");
		assertThat(declared(VectorType.HALFVEC, 4000, Metric.COSINE, "hnsw").operatorClass())
			.isEqualTo("halfvec_cosine_ops");
	}

	@Test
	void combinationsPgvectorCannotIndexAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> declared(VectorType.VECTOR, 8, Metric.L1, "ivfflat"))
			.withMessage("@VectorIndex on Document.embedding: pgvector has no IVFFLAT index for L1 on vector columns "
					+ "(document.embedding); use HNSW");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> declared(VectorType.SPARSEVEC, 8, Metric.COSINE, "ivfflat"))
			.withMessage("@VectorIndex on Document.embedding: pgvector has no IVFFLAT index for COSINE on sparsevec "
					+ "columns (document.embedding); use HNSW");
		assertThatIllegalArgumentException().isThrownBy(() -> declared(VectorType.BIT, 8, Metric.JACCARD, "ivfflat"))
			.withMessage("@VectorIndex on Document.embedding: pgvector has no IVFFLAT index for JACCARD on bit "
					+ "columns (document.embedding); use HNSW");
		assertThatIllegalArgumentException().isThrownBy(() -> explicit(VectorType.VECTOR, Metric.COSINE,
				IndexType.NONE, IndexParams.defaults()))
			.withMessage("Cannot create an index of type NONE on Document.embedding; use HNSW or IVFFLAT");
		assertThatIllegalArgumentException().isThrownBy(() -> explicit(VectorType.VECTOR, Metric.COSINE,
				IndexType.HNSW, IndexParams.ivfflat(100)))
			.withMessage("HNSW index on Document.embedding takes IndexParams.hnsw(m, efConstruction) or defaults(), "
					+ "got IndexParams[m=null, efConstruction=null, lists=100]");
	}

	@Test
	void parameterRangesAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> declared(VectorType.VECTOR, 8, Metric.COSINE, "badM"))
			.withMessage("@VectorIndex on Document.embedding: HNSW m must be between 2 and 100, got 101");
		assertThatIllegalArgumentException().isThrownBy(() -> declared(VectorType.VECTOR, 8, Metric.COSINE, "smallEf"))
			.withMessage("@VectorIndex on Document.embedding: HNSW ef_construction must be at least 2 * m (32), got 20");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> declared(VectorType.VECTOR, 8, Metric.COSINE, "tooManyLists"))
			.withMessage("@VectorIndex on Document.embedding: IVFFlat lists must be between 1 and 32768, got 40000");
		assertThatIllegalArgumentException().isThrownBy(() -> IndexParams.hnsw(16, 1001))
			.withMessage("HNSW ef_construction must be between 4 and 1000, got 1001");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorIndexSettings.builder().hnswM(1).build())
			.withMessage("HNSW m must be between 2 and 100, got 1");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorIndexSettings.builder().minRows(-1))
			.withMessage("vector-jpa.index.min-rows must not be negative, got -1");
	}

	@Test
	void unsetValuesTakeTheConfiguredDefaults() {
		VectorIndexSettings settings = VectorIndexSettings.builder().hnswM(24)
			.hnswEfConstruction(100).ivfflatLists(50).concurrently(true).build();
		Map<String, Object> ivfflat = Map.of(VectorJpaSettings.INDEX_TYPE, "ivfflat");
		VectorIndexDefinition fromSettings = IndexDefinitions.declared(entity(VectorType.VECTOR, 8, Metric.EUCLIDEAN,
				null), attribute(VectorType.VECTOR, 8, Metric.EUCLIDEAN, null, ivfflat), settings);
		assertThat(fromSettings.createSql()).isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS "
				+ "\"document_embedding_ivfflat_euclidean_idx\" ON \"document\" USING ivfflat (\"embedding\" "
				+ "vector_l2_ops) WITH (lists = 50)");
		VectorIndexDefinition annotated = IndexDefinitions.declared(entity(VectorType.VECTOR, 8, Metric.COSINE, null),
				attribute(VectorType.VECTOR, 8, Metric.COSINE, index("typeUnset"), ivfflat), settings);
		assertThat(annotated.createSql()).isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS "
				+ "\"document_embedding_ivfflat_cosine_idx\" ON \"document\" USING ivfflat (\"embedding\" "
				+ "vector_cosine_ops) WITH (lists = 50)");
		VectorIndexDefinition hnsw = IndexDefinitions.declared(entity(VectorType.VECTOR, 8, Metric.COSINE, null),
				attribute(VectorType.VECTOR, 8, Metric.COSINE, index("typeUnset")), SETTINGS);
		assertThat(hnsw.createSql()).isEqualTo("CREATE INDEX IF NOT EXISTS \"document_embedding_hnsw_cosine_idx\" ON "
				+ "\"document\" USING hnsw (\"embedding\" vector_cosine_ops) WITH (m = 16, ef_construction = 64)");
		assertThat(IndexDefinitions.declared(entity(VectorType.VECTOR, 8, Metric.COSINE, null),
				attribute(VectorType.VECTOR, 8, Metric.COSINE, null), SETTINGS)).isNull();
		assertThat(IndexDefinitions.declared(entity(VectorType.VECTOR, 8, Metric.COSINE, null),
				attribute(VectorType.VECTOR, 8, Metric.COSINE, index("none")), settings)).isNull();
	}

	@Test
	void plainTableDefinitionsTakeTheConfiguredDefaultsAndTheSameChecks() {
		VectorIndexManager manager = new VectorIndexManager(new PGSimpleDataSource(),
				VectorIndexSettings.builder().hnswM(24).hnswEfConstruction(100).build());
		assertThat(manager.definition("docs", "knowledge_embeddings", "embedding", VectorType.VECTOR, 768,
				Metric.COSINE, IndexType.HNSW, IndexParams.defaults()).createSql())
			.isEqualTo("CREATE INDEX IF NOT EXISTS \"knowledge_embeddings_embedding_hnsw_cosine_idx\" ON "
					+ "\"docs\".\"knowledge_embeddings\" USING hnsw (\"embedding\" vector_cosine_ops) "
					+ "WITH (m = 24, ef_construction = 100)");
		assertThat(manager.definition(null, "knowledge_embeddings", "embedding", VectorType.VECTOR, 768,
				Metric.INNER_PRODUCT, IndexType.IVFFLAT, IndexParams.defaults()).lists()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> manager.definition(null, "knowledge_embeddings",
				"embedding", VectorType.VECTOR, 3072, Metric.COSINE, IndexType.HNSW, IndexParams.defaults()))
			.withMessage("knowledge_embeddings.embedding has 3072 dimensions; HNSW on vector supports at most 2000: "
					+ "use halfvec (up to 4000) or reduce dimensions");
		assertThatIllegalArgumentException().isThrownBy(() -> manager.definition(null, "knowledge_embeddings",
				"embedding", VectorType.VECTOR, 768, Metric.L1, IndexType.IVFFLAT, IndexParams.defaults()))
			.withMessage("knowledge_embeddings.embedding: pgvector has no IVFFLAT index for L1 on vector columns "
					+ "(knowledge_embeddings.embedding); use HNSW");
	}

	@Test
	void ivfflatListsFollowTheRowsRule() {
		assertThat(VectorIndexManager.defaultLists(0)).isEqualTo(10);
		assertThat(VectorIndexManager.defaultLists(9_999)).isEqualTo(10);
		assertThat(VectorIndexManager.defaultLists(25_000)).isEqualTo(25);
		assertThat(VectorIndexManager.defaultLists(1_000_000)).isEqualTo(1000);
		assertThat(VectorIndexManager.defaultLists(4_000_000)).isEqualTo(2000);
		assertThat(VectorIndexManager.defaultLists(5_000_000_000L)).isEqualTo(32768);
	}

	@Test
	void parallelHnswBuildsAreDisabledBelowPgvector082() {
		String fixed = "0.8.2";
		assertThat(PgVectorExtension.isAtLeast("0.8.0", fixed)).isFalse();
		assertThat(PgVectorExtension.isAtLeast("0.7.4", fixed)).isFalse();
		assertThat(PgVectorExtension.isAtLeast("0.8.2", fixed)).isTrue();
		assertThat(PgVectorExtension.isAtLeast("0.9", fixed)).isTrue();
		assertThat(PgVectorExtension.isAtLeast("1.0.0", fixed)).isTrue();
	}

	@Test
	void reindexAndCopiesUseTheSameIdentifiers() {
		VectorIndexDefinition definition = new VectorIndexDefinition("docs", "document", "embedding",
				VectorType.VECTOR, Metric.COSINE, IndexType.IVFFLAT, null, null, null, true, null, null);
		assertThat(definition.reindexSql())
			.isEqualTo("REINDEX INDEX CONCURRENTLY \"docs\".\"document_embedding_ivfflat_cosine_idx\"");
		assertThat(definition.withLists(42).createSql()).endsWith("WITH (lists = 42)");
		assertThat(IndexBuilder.lockKey("docs", definition)).isEqualTo(IndexBuilder.lockKey("docs",
				definition.withLists(42))).isNotEqualTo(IndexBuilder.lockKey("other", definition));
	}

	private static VectorIndexDefinition declared(VectorType type, int dimensions, Metric metric, String indexField) {
		VectorIndexDefinition definition = IndexDefinitions.declared(entity(type, dimensions, metric, null),
				attribute(type, dimensions, metric, index(indexField)), SETTINGS);
		assertThat(definition).isNotNull();
		return definition;
	}

	private static VectorIndexDefinition explicit(VectorType type, Metric metric, IndexType indexType,
			IndexParams params) {
		VectorAttribute attribute = attribute(type, 8, metric, null);
		return IndexDefinitions.explicit(entity(type, 8, metric, null), attribute, indexType, params, SETTINGS);
	}

	private static VectorEntityMetadata entity(VectorType type, int dimensions, Metric metric,
			@Nullable VectorIndex index) {
		return new VectorEntityMetadata(Document.class, "Document", "document", null, "document", null,
				List.of(attribute(type, dimensions, metric, index)), null, null, null, "english");
	}

	private static VectorAttribute attribute(VectorType type, int dimensions, Metric metric,
			@Nullable VectorIndex index) {
		return attribute(type, dimensions, metric, index, Map.of());
	}

	// the index type resolved as the session factory does, with vector-jpa.index.type from its settings
	private static VectorAttribute attribute(VectorType type, int dimensions, Metric metric,
			@Nullable VectorIndex index, Map<String, Object> settings) {
		return new VectorAttribute("embedding", "embedding", "embedding", type, dimensions, metric, true, index,
				VectorJpaSettings.indexType(index, settings, "Document.embedding"), "Document.embedding");
	}

	private static VectorIndex index(String field) {
		try {
			return Indexes.class.getDeclaredField(field).getAnnotation(VectorIndex.class);
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Document {

	}

	@SuppressWarnings("unused")
	static class Indexes {

		@VectorIndex(type = IndexType.HNSW)
		Object hnsw;

		@VectorIndex(type = IndexType.IVFFLAT)
		Object ivfflat;

		@VectorIndex(type = IndexType.NONE)
		Object none;

		@VectorIndex
		Object typeUnset;

		@VectorIndex(m = 101)
		Object badM;

		@VectorIndex(m = 16, efConstruction = 20)
		Object smallEf;

		@VectorIndex(type = IndexType.IVFFLAT, lists = 40000)
		Object tooManyLists;

	}

}
