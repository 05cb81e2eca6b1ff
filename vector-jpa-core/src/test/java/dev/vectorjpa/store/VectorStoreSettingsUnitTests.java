package dev.vectorjpa.store;

import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.mapping.IndexType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Defaults and validation of {@link VectorStoreSettings}.
 */
class VectorStoreSettingsUnitTests {

	@Test
	void defaultsAreTheReferenceBackendsExceptForTheSchema() {
		VectorStoreSettings settings = VectorStoreSettings.builder(768).build();
		assertThat(settings.schema()).isEqualTo("public");
		assertThat(settings.table()).isEqualTo("knowledge_embeddings");
		assertThat(settings.idType()).isEqualTo(IdType.UUID);
		assertThat(settings.autoCreateTable()).isTrue();
		assertThat(settings.metric()).isEqualTo(Metric.COSINE);
		assertThat(settings.domain()).isNull();
		assertThat(settings.index().defaultType()).isEqualTo(IndexType.NONE);
		assertThat(settings.index().hnswM()).isEqualTo(16);
		assertThat(settings.index().hnswEfConstruction()).isEqualTo(64);
		assertThat(settings.index().ivfflatLists()).isNull();
		assertThat(settings.index().autoCreate()).isFalse();
		assertThat(settings.index().minRows()).isEqualTo(1000);
		assertThat(settings.index().concurrently()).isFalse();
		for (StoreColumn column : StoreColumn.values()) {
			assertThat(settings.column(column)).isEqualTo(column.defaultName());
		}
		assertThat(settings.column(StoreColumn.DOMAIN_ID)).isEqualTo("domain_id");
	}

	@Test
	void columnsAcceptReferenceAndPropertySpellings() {
		VectorStoreSettings settings = VectorStoreSettings.builder(3)
			.columns(Map.of("domain_id", "category", "chunk-index", "segment_num", "ID", "product_id"))
			.build();
		assertThat(settings.column(StoreColumn.DOMAIN_ID)).isEqualTo("category");
		assertThat(settings.column(StoreColumn.CHUNK_INDEX)).isEqualTo("segment_num");
		assertThat(settings.column(StoreColumn.ID)).isEqualTo("product_id");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorStoreSettings.builder(3).columns(Map.of("vector", "v")))
			.withMessage("Unknown logical column 'vector'; expected id, embedding, content, metadata, domain_id, "
					+ "document_id, chunk_index or created_at");
	}

	@Test
	void indexParametersAreValidatedAndKeptPerIndexType() {
		VectorStoreSettings settings = VectorStoreSettings.builder(3)
			.indexParams(IndexParams.hnsw(24, 100))
			.ivfflatLists(300)
			.build();
		assertThat(settings.index().hnswM()).isEqualTo(24);
		assertThat(settings.index().hnswEfConstruction()).isEqualTo(100);
		assertThat(settings.index().ivfflatLists()).isEqualTo(300);
		assertThatIllegalArgumentException().isThrownBy(() -> VectorStoreSettings.builder(3).hnsw(16, 20))
			.withMessage("HNSW ef_construction must be at least 2 * m (32), got 20");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorStoreSettings.builder(3).ivfflatLists(0))
			.withMessage("IVFFlat lists must be between 1 and 32768, got 0");
	}

	@Test
	void badIdentifiersAreRejectedNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorStoreSettings.builder(3).table("items; DROP TABLE users").build())
			.withMessage("Invalid SQL identifier for vector-jpa.store.table: 'items; DROP TABLE users' (expected "
					+ "letters, digits, '_' or '$', starting with a letter or '_', at most 63 characters)");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorStoreSettings.builder(3).schema("a\"b").build())
			.withMessageStartingWith("Invalid SQL identifier for vector-jpa.store.schema: 'a\"b'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorStoreSettings.builder(3).column(StoreColumn.DOCUMENT_ID, "1doc").build())
			.withMessageStartingWith("Invalid SQL identifier for vector-jpa.store.columns.document-id: '1doc'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorStoreSettings.builder(3).column(StoreColumn.CONTENT, "metadata").build())
			.withMessageStartingWith("vector-jpa.store.columns must name eight different columns");
	}

	@Test
	void valuesOutOfRangeAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> VectorStoreSettings.builder(0).build())
			.withMessage("vector-jpa.dimensions must be between 1 and 16000, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorStoreSettings.builder(16_001).build())
			.withMessage("vector-jpa.dimensions must be between 1 and 16000, got 16001");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorStoreSettings.builder(3).metric(Metric.HAMMING).build())
			.withMessage("vector-jpa.metric HAMMING is not defined for vector columns; use COSINE, EUCLIDEAN, "
					+ "INNER_PRODUCT or L1");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorStoreSettings.builder(3).domain("").build())
			.withMessage("vector-jpa.domain must have 1 to 100 characters, got ''");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VectorStoreSettings.builder(3).metric(Metric.L1).indexType(IndexType.IVFFLAT).build())
			.withMessage("pgvector has no IVFFLAT index for L1");
		assertThatIllegalArgumentException().isThrownBy(() -> VectorStoreSettings.builder(3).minRowsForIndex(-1).build())
			.withMessage("vector-jpa.index.min-rows must not be negative, got -1");
		assertThatIllegalArgumentException().isThrownBy(() -> IdType.parse("serial"))
			.withMessage("Unknown vector-jpa.store.id-type 'serial'; expected uuid or text");
		assertThat(IdType.parse("Text")).isEqualTo(IdType.TEXT);
	}

}
