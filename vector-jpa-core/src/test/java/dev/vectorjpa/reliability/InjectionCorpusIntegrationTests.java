package dev.vectorjpa.reliability;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.vectorjpa.repository.HybridOptions;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.store.IdType;
import dev.vectorjpa.store.Match;
import dev.vectorjpa.store.PgVectorStore;
import dev.vectorjpa.store.StoreColumn;
import dev.vectorjpa.store.StoredVector;
import dev.vectorjpa.store.VectorDocument;
import dev.vectorjpa.store.VectorStoreSettings;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every user-controlled string (filter keys and values, derived criteria, hybrid text, domain, store ids, content and
 * metadata, store identifiers, text-search configuration) carries each payload of an injection corpus; a canary
 * table must survive untouched, and every accepted payload must round-trip as plain data.
 */
@DatabaseTest
class InjectionCorpusIntegrationTests {

	static final List<String> CORPUS = List.of("'; DROP TABLE rel_canary; --", "\"; DROP TABLE rel_canary; --",
			"' OR '1'='1", "1); DELETE FROM rel_canary; --", "$$; DROP TABLE rel_canary; $$",
			"\\'; DROP TABLE rel_canary; --", "%' OR 1=1 --", "a' || (SELECT count(*) FROM rel_canary) || '",
			"')) OR true --", "*/ DROP TABLE rel_canary /*", "rel_canary\"; DROP TABLE rel_canary; --",
			"{\"a\":1}'::jsonb; DROP TABLE rel_canary; --", "? $1 :name", "english'); DROP TABLE rel_canary; --",
			"x\\\" ; UPDATE rel_canary SET x = 0; --", "ü'ö\"; TRUNCATE rel_canary; --");

	@Test
	void noPayloadReachesSqlAsCode(TestSchema schema) {
		schema.execute("CREATE TABLE rel_canary (x int)", "INSERT INTO rel_canary VALUES (42)");
		Random random = new Random(1717);
		int accepted = 0;
		try (ReliabilityFixture fixture = new ReliabilityFixture(schema, 1)) {
			PgVectorStore textIds = fixture.store(fixture.storeSettings("rel_injection_store")
				.idType(IdType.TEXT)
				.build());
			for (String payload : CORPUS) {
				float[] query = ReliabilityFixture.vector(random, 4);
				// domain, criteria, metadata values, hybrid text: accepted and treated as data
				RelDoc doc = new RelDoc(UUID.randomUUID(), payload, ReliabilityFixture.vector(random, 4));
				doc.metadata = Map.of("k", payload);
				doc.body = payload;
				fixture.as(payload, () -> fixture.docs.bulkInsert(List.of(doc)));
				List<Nearest<RelDoc>> byCategory = fixture.as(payload,
						() -> fixture.docs.findNearestByCategory(query, payload, 10));
				assertThat(byCategory).extracting((nearest) -> nearest.entity().getId()).containsExactly(doc.getId());
				assertThat(byCategory.get(0).entity().getDomain()).isEqualTo(payload);
				assertThat(fixture.as(payload, () -> fixture.docs.findNearest(query, 10, MetadataFilter.eq("k",
						payload)))).hasSize(1);
				assertThat(fixture.as(payload, () -> fixture.docs.count(MetadataFilter.in("k", List.of(payload)))))
					.isEqualTo(1);
				assertThat(fixture.as(payload, () -> fixture.docs.count(MetadataFilter.gte("k", payload))))
					.isEqualTo(1);
				assertThat(fixture.as(payload, () -> fixture.docs.findHybrid(query, payload, 10)))
					.extracting((nearest) -> nearest.entity().getId()).containsExactly(doc.getId());
				assertThat(fixture.as("other-domain", () -> fixture.docs.findNearestByCategory(query, payload, 10)))
					.isEmpty();
				// filter keys: refused by validation, or matched as a plain key
				Throwable key = catchThrowable(() -> fixture.as(payload,
						() -> fixture.docs.count(MetadataFilter.eq(payload, "v"))));
				if (key != null) {
					assertThat(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(payload);
				}
				// store: ids, content, metadata keys and values
				textIds.add(List.of(new VectorDocument(payload, query, payload, Map.of(payload, payload), payload, 1)));
				List<StoredVector> stored = textIds.get(List.of(payload), true);
				assertThat(stored).singleElement().satisfies((vector) -> {
					assertThat(vector.id()).isEqualTo(payload);
					assertThat(vector.metadata()).containsEntry(payload, payload);
				});
				List<Match> matches = textIds.search(query, 50, MetadataFilter.eq("k", payload));
				assertThat(matches).isEmpty();
				Throwable storeKey = catchThrowable(() -> textIds.count(MetadataFilter.exists(payload)));
				if (storeKey != null) {
					assertThat(storeKey).isInstanceOf(IllegalArgumentException.class);
				}
				// identifiers and text-search configuration: refused before any SQL
				for (Runnable identifier : List.<Runnable>of(
						() -> VectorStoreSettings.builder(4).table(payload).build(),
						() -> VectorStoreSettings.builder(4).schema(payload).build(),
						() -> VectorStoreSettings.builder(4).column(StoreColumn.METADATA, payload).build(),
						() -> HybridOptions.builder().textSearchConfig(payload))) {
					assertThat(catchThrowable(identifier::run)).isInstanceOf(IllegalArgumentException.class)
						.hasMessageContaining(payload);
				}
				accepted++;
				assertThat(schema.query("SELECT x FROM rel_canary")).as("canary after " + payload)
					.containsExactly(List.of(42));
			}
			assertThat(schema.query("SELECT count(DISTINCT domain) FROM rel_docs")).containsExactly(
					List.of((long) CORPUS.size()));
			assertThat(textIds.count()).isEqualTo(CORPUS.size());
		}
		assertThat(accepted).isEqualTo(CORPUS.size());
		assertThat(schema.query("SELECT x FROM rel_canary")).containsExactly(List.of(42));
	}

}
