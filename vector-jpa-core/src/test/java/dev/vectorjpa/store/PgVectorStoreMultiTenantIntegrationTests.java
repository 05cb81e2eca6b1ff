package dev.vectorjpa.store;

import java.util.List;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reference backend's multi-tenant example: two stores on one table, each seeing only its own domain.
 */
@DatabaseTest
class PgVectorStoreMultiTenantIntegrationTests {

	private static final int DIMS = 16;

	@Test
	void everyOperationIsScopedToTheStoresDomain(TestSchema schema) {
		// tag::multi-tenant[]
		VectorStore tenant123 = new PgVectorStore(schema.dataSource(),
				VectorStoreSettings.builder(DIMS).schema(schema.name()).table("shared").domain("tenant_123").build());
		// end::multi-tenant[]
		VectorStore tenant456 = new PgVectorStore(schema.dataSource(),
				StoreTestVectors.settings("shared", DIMS).domain("tenant_456").build());
		VectorStore everyone = new PgVectorStore(schema.dataSource(), StoreTestVectors.settings("shared", DIMS).build());

		List<float[]> vectorsA = StoreTestVectors.random(21, 30, DIMS);
		List<float[]> vectorsB = StoreTestVectors.random(22, 20, DIMS);
		List<Object> idsA = tenant123.add(vectorsA, null, null);
		List<Object> idsB = tenant456.add(vectorsB, null,
				java.util.Collections.nCopies(20, Map.<String, Object>of("tier", "gold")));
		assertThat(StoreTestVectors.scalar("SELECT count(*) FROM shared WHERE domain_id = 'tenant_123'")).isEqualTo(30);

		float[] query = StoreTestVectors.random(23, 1, DIMS).get(0);
		assertThat(tenant123.search(query, 5)).extracting(Match::id)
			.containsExactlyElementsOf(StoreTestVectors.nearest(Metric.COSINE, vectorsA, query, 5, (i) -> true)
				.stream()
				.map(idsA::get)
				.toList());
		assertThat(tenant456.search(query, 100)).hasSize(20);
		assertThat(tenant123.search(query, 100, MetadataFilter.eq("tier", "gold"))).isEmpty();
		assertThat(tenant123.count()).isEqualTo(30);
		assertThat(tenant456.count()).isEqualTo(20);
		assertThat(tenant456.count(MetadataFilter.eq("tier", "gold"))).isEqualTo(20);
		assertThat(tenant123.count(MetadataFilter.exists("tier"))).isZero();
		assertThat(everyone.count()).isEqualTo(50);

		assertThat(tenant123.get(List.of(idsB.get(0), idsA.get(0)), true)).extracting(StoredVector::id)
			.containsExactly(idsA.get(0));
		assertThat(tenant123.updateMetadata(List.of(idsB.get(0)), List.of(Map.of("hacked", true)))).isZero();
		assertThat(tenant456.get(List.of(idsB.get(0)), true).get(0).metadata()).containsEntry("tier", "gold");
		assertThat(tenant123.delete(List.of(idsB.get(0), idsB.get(1)))).isZero();
		assertThat(tenant456.delete(List.of(idsB.get(0)))).isEqualTo(1);

		// tag::multi-tenant-clear[]
		long cleared = tenant123.clear();
		// end::multi-tenant-clear[]
		assertThat(cleared).isEqualTo(30);
		assertThat(tenant123.count()).isZero();
		assertThat(tenant456.count()).isEqualTo(19);
	}

	@Test
	void addingAnIdOfAnotherDomainFailsAndWritesNothing(TestSchema schema) {
		VectorStore tenantA = new PgVectorStore(schema.dataSource(),
				StoreTestVectors.settings("guarded", DIMS).idType(IdType.TEXT).domain("a").build());
		VectorStore tenantB = new PgVectorStore(schema.dataSource(),
				StoreTestVectors.settings("guarded", DIMS).idType(IdType.TEXT).domain("b").copyThreshold(3).build());
		List<float[]> vectors = StoreTestVectors.random(24, 3, DIMS);
		tenantA.add(vectors.subList(0, 1), List.of("shared-id"), null);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> tenantB.add(vectors.subList(0, 2), List.of("own-id", "shared-id"), null))
			.withMessageContaining("Only 1 of 2 rows were written");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> tenantB.add(vectors, List.of("own-1", "own-2", "shared-id"), null))
			.withMessageContaining("Only 2 of 3 rows were written");
		assertThat(tenantB.count()).isZero();
		// The driver reports no per-row counts when it rewrites batches: the guard still holds.
		org.postgresql.ds.PGSimpleDataSource rewriting = new org.postgresql.ds.PGSimpleDataSource();
		rewriting.setUrl(schema.jdbcUrl());
		rewriting.setReWriteBatchedInserts(true);
		VectorStore rewritingB = new PgVectorStore(rewriting,
				StoreTestVectors.settings("guarded", DIMS).idType(IdType.TEXT).domain("b").build());
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> rewritingB.add(vectors.subList(0, 2), List.of("own-id", "shared-id"), null))
			.withMessageContaining("Only 1 of 2 rows were written");
		assertThat(rewritingB.add(vectors.subList(0, 2), List.of("own-1", "own-2"), null)).hasSize(2);
		assertThat(tenantB.count()).isEqualTo(2);
		assertThat(tenantA.get(List.of("shared-id"), false).get(0).vector()).containsExactly(vectors.get(0));
	}

}
