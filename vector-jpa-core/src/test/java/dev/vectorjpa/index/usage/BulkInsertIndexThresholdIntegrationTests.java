package dev.vectorjpa.index.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.vectorjpa.index.IndexInfo;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.usage.UsageEntities.DeferredItem;
import dev.vectorjpa.index.usage.UsageEntities.DeferredItemRepository;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository given a {@link VectorIndexManager} builds a declared IVFFlat index once {@code bulkInsert} brings the
 * table to min-rows, after the inserting transaction has committed (in the background when it was the caller's).
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkInsertIndexThresholdIntegrationTests {

	static final int MIN_ROWS = 100;

	AnnotationConfigApplicationContext context;

	@BeforeAll
	void start() {
		this.context = new AnnotationConfigApplicationContext(IndexUsageTestConfiguration.class);
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@Test
	void ivfflatIsBuiltAfterTheBulkInsertThatReachesMinRows(TestSchema schema) {
		DeferredItemRepository repository = this.context.getBean(DeferredItemRepository.class);
		VectorIndexManager indexManager = this.context.getBean(VectorIndexManager.class);
		TransactionTemplate transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));

		assertThat(repository.bulkInsert(items(0, 60))).isEqualTo(60);
		assertThat(indexManager.indexes(DeferredItem.class)).isEmpty();

		transaction.executeWithoutResult((status) -> {
			assertThat(repository.bulkInsert(items(60, 90))).isEqualTo(90);
			// 150 rows, but not committed yet: the manager must neither count them nor build inside the transaction
			assertThat(indexManager.indexes(DeferredItem.class)).isEmpty();
		});

		// built in the background once the caller's transaction is over (its connection stays held until then)
		List<IndexInfo> indexes = awaitIndexes(indexManager);
		assertThat(indexes).extracting(IndexInfo::name).containsExactly("usage_deferred_embedding_ivfflat_euclidean_idx");
		assertThat(indexes.get(0).type()).isEqualTo(IndexType.IVFFLAT);
		assertThat(indexes.get(0).valid()).isTrue();
		assertThat(schema.query("SELECT count(*) FROM usage_deferred").get(0).get(0)).isEqualTo(150L);
	}

	@Test
	void rolledBackRowsDoNotCount(TestSchema schema) {
		DeferredItemRepository repository = this.context.getBean(DeferredItemRepository.class);
		VectorIndexManager indexManager = this.context.getBean(VectorIndexManager.class);
		TransactionTemplate transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		schema.execute("DROP INDEX IF EXISTS usage_deferred_embedding_ivfflat_euclidean_idx",
				"TRUNCATE usage_deferred");

		transaction.executeWithoutResult((status) -> {
			repository.bulkInsert(items(1000, 150));
			status.setRollbackOnly();
		});
		assertThat(indexManager.indexes(DeferredItem.class)).isEmpty();
	}

	private static List<IndexInfo> awaitIndexes(VectorIndexManager indexManager) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		List<IndexInfo> indexes = indexManager.indexes(DeferredItem.class);
		while (indexes.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			indexes = indexManager.indexes(DeferredItem.class);
		}
		return indexes;
	}

	private static List<DeferredItem> items(long firstId, int count) {
		Random random = new Random(firstId);
		List<DeferredItem> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			DeferredItem item = new DeferredItem();
			item.id = firstId + i;
			item.embedding = new float[UsageEntities.DIMS];
			for (int d = 0; d < item.embedding.length; d++) {
				item.embedding[d] = random.nextFloat();
			}
			items.add(item);
		}
		return items;
	}

}
