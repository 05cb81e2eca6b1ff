package dev.vectorjpa.store;

import java.util.List;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference backend's custom column mapping: the store works on a table with other column names.
 */
@DatabaseTest
class PgVectorStoreColumnMappingIntegrationTests {

	private static final Map<String, String> PRODUCT_COLUMNS = Map.of("id", "product_id", "embedding", "vector_data",
			"content", "description", "metadata", "attributes", "domain_id", "category", "document_id", "source_file",
			"chunk_index", "segment_num", "created_at", "indexed_at");

	@Test
	void worksOnAnExistingTableWithOtherColumnNames(TestSchema schema) {
		schema.execute("CREATE TABLE product_embeddings (product_id text PRIMARY KEY, category varchar(50), "
				+ "source_file text, segment_num int, description text, vector_data vector(4), "
				+ "attributes jsonb NOT NULL DEFAULT '{}', indexed_at timestamptz DEFAULT now(), price numeric)");
		schema.execute("INSERT INTO product_embeddings (product_id, category, description, vector_data, attributes) "
				+ "VALUES ('legacy-1', 'shoes', 'An old row', '[1,1,1,1]', '{\"brand\":\"acme\"}'), "
				+ "('no-vector', 'shoes', 'Not embedded yet', NULL, '{}')");
		// tag::column-mapping[]
		VectorStoreSettings settings = VectorStoreSettings.builder(4)
			.schema(schema.name())
			.table("product_embeddings")
			.columns(PRODUCT_COLUMNS)
			.idType(IdType.TEXT)
			.autoCreateTable(false)
			.metric(Metric.EUCLIDEAN)
			.domain("shoes")
			.build();
		VectorStore store = new PgVectorStore(schema.dataSource(), settings);
		// end::column-mapping[]
		store.add(List.of(VectorDocument.of(new float[] { 0, 0, 0, 1 }, "Running shoe")
			.withId("sku-1")
			.withMetadata(Map.of("brand", "fast"))
			.withChunk("catalog.csv", 7)));
		store.add(List.of(new float[] { 0, 0, 1, 1 }), List.of("sku-2"), List.of(Map.of("brand", "acme")));

		List<Match> matches = store.search(new float[] { 0, 0, 0, 0.9f }, 10);
		assertThat(matches).extracting(Match::id).containsExactly("sku-1", "sku-2", "legacy-1");
		assertThat(matches.get(0).content()).isEqualTo("Running shoe");
		assertThat(matches.get(0).score()).isCloseTo(1 / 1.1, org.assertj.core.api.Assertions.within(1e-6));
		assertThat(store.count(MetadataFilter.eq("brand", "acme"))).isEqualTo(2);
		assertThat(store.get(List.of("legacy-1"), true).get(0).metadata()).containsEntry("brand", "acme");
		assertThat(store.updateMetadata(List.of("sku-2"), List.of(Map.of("brand", "acme2")))).isEqualTo(1);
		assertThat(store.delete(List.of("legacy-1", "no-vector"))).isEqualTo(2);
		assertThat(schema.query("SELECT product_id, category, source_file, segment_num, attributes::text "
				+ "FROM product_embeddings ORDER BY product_id"))
			.containsExactly(List.of("sku-1", "shoes", "catalog.csv", 7, "{\"brand\": \"fast\"}"),
					java.util.Arrays.asList("sku-2", "shoes", null, null, "{\"brand\": \"acme2\"}"));
		assertThat(store.clear()).isEqualTo(2);
		assertThat(store.count()).isZero();
	}

	@Test
	void autoCreatesTheTableWithMappedNames(TestSchema schema) {
		VectorStore store = new PgVectorStore(schema.dataSource(), StoreTestVectors.settings("mapped_new", 4)
			.columns(PRODUCT_COLUMNS)
			.idType(IdType.TEXT)
			.build());
		assertThat(store.add(List.of(new float[] { 1, 2, 3, 4 }), null, null)).singleElement()
			.isInstanceOf(String.class);
		assertThat(schema.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '"
				+ schema.name() + "' AND table_name = 'mapped_new' ORDER BY ordinal_position"))
			.containsExactly(List.of("product_id", "text"), List.of("category", "character varying"),
					List.of("source_file", "character varying"), List.of("segment_num", "integer"),
					List.of("description", "text"), List.of("vector_data", "USER-DEFINED"),
					List.of("attributes", "jsonb"), List.of("indexed_at", "timestamp without time zone"));
	}

}
