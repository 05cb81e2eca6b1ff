package dev.vectorjpa.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reference backend's quick start: 100 random 768-dimensional vectors with a source each, then a k=5 search,
 * checked against brute force for each metric, scores included.
 */
@DatabaseTest
class PgVectorStoreQuickStartIntegrationTests {

	@ParameterizedTest
	@EnumSource(value = Metric.class, names = { "COSINE", "EUCLIDEAN", "INNER_PRODUCT" })
	void searchReturnsTheBruteForceNearestWithConvertedScores(Metric metric) {
		// tag::quick-start[]
		VectorStoreSettings settings = VectorStoreSettings.builder(768)
			.schema(TestSchema.current().name())
			.table("quick_start_" + metric.name().toLowerCase(Locale.ROOT))
			.metric(metric)
			.build();
		VectorStore store = new PgVectorStore(TestSchema.current().dataSource(), settings);

		List<float[]> vectors = StoreTestVectors.random(42, 100, 768);
		List<Map<String, Object>> metadata = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			metadata.add(Map.of("source", "doc_" + i));
		}
		List<Object> ids = store.add(vectors, null, metadata);

		float[] query = StoreTestVectors.random(7, 1, 768).get(0);
		List<Match> results = store.search(query, 5);
		// end::quick-start[]

		assertThat(ids).hasSize(100).doesNotHaveDuplicates().allSatisfy((id) -> assertThat(id).isInstanceOf(
				java.util.UUID.class));
		List<Integer> expected = StoreTestVectors.nearest(metric, vectors, query, 5, (i) -> true);
		assertThat(results).extracting(Match::id).containsExactlyElementsOf(expected.stream().map(ids::get).toList());
		for (int rank = 0; rank < 5; rank++) {
			Match match = results.get(rank);
			int position = expected.get(rank);
			double distance = StoreTestVectors.distance(metric, vectors.get(position), query);
			double score = switch (metric) {
				case COSINE -> 1 - distance;
				case EUCLIDEAN -> 1 / (1 + distance);
				default -> -distance;
			};
			assertThat(match.distance()).isCloseTo(distance, within(1e-3 * Math.max(1, Math.abs(distance))));
			assertThat(match.score()).isCloseTo(score, within(1e-3 * Math.max(1, Math.abs(score))));
			assertThat(match.metadata()).containsExactly(Map.entry("source", "doc_" + position));
			assertThat(match.content()).isNull();
		}
		assertThat(store.count()).isEqualTo(100);
	}

	@Test
	void autoCreatedTableMatchesTheReferenceSchema(TestSchema schema) {
		// A schema of its own, to show the store creates it.
		String own = "vjs_" + Long.toHexString(System.nanoTime());
		VectorStore store = new PgVectorStore(schema.dataSource(), VectorStoreSettings.builder(3).schema(own).build());
		assertThat(store.count()).isZero();
		List<List<Object>> columns = schema.query("SELECT column_name, data_type, character_maximum_length, "
				+ "column_default, is_nullable FROM information_schema.columns WHERE table_schema = '" + own
				+ "' AND table_name = 'knowledge_embeddings' ORDER BY ordinal_position");
		assertThat(columns).containsExactly(row("id", "uuid", null, "gen_random_uuid()", "NO"),
				row("domain_id", "character varying", 100, null, "YES"),
				row("document_id", "character varying", 255, null, "YES"),
				row("chunk_index", "integer", null, null, "YES"), row("content", "text", null, null, "YES"),
				row("embedding", "USER-DEFINED", null, null, "YES"),
				row("metadata", "jsonb", null, "'{}'::jsonb", "YES"),
				row("created_at", "timestamp without time zone", null, "now()", "YES"));
		assertThat(schema.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '\""
				+ own + "\".knowledge_embeddings'::regclass AND attname = 'embedding'"))
			.containsExactly(List.of("vector(3)"));
		schema.execute("DROP SCHEMA \"" + own + "\" CASCADE");
	}

	private static List<Object> row(Object... values) {
		return java.util.Arrays.asList(values);
	}

}
