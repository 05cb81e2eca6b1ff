package dev.vectorjpa.filtered;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.index.IndexInfo;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code @VectorIndex(where = ...)} creates a partial index, and a derived search whose criterion matches its
 * predicate is served by it; other values take the adaptive path.
 */
@DatabaseTest
class PartialIndexIntegrationTests {

	@Test
	void partialIndexIsCreatedAndServesMatchingSearches(TestSchema schema) {
		Random random = new Random(16);
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(schema.jdbcUrl());
			dataSource.setMaximumPoolSize(1);
			try (EntityManagerFactory emf = new HibernatePersistenceConfiguration("partial")
				.managedClass(SectionDoc.class)
				.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
				.property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
				.createEntityManagerFactory()) {
				JpaTransactionManager transactionManager = new JpaTransactionManager(emf);
				StrategyRecorder strategies = new StrategyRecorder();
				SectionDocRepository docs = repository(emf, transactionManager, strategies);
				List<SectionDoc> all = new ArrayList<>();
				for (int i = 0; i < 1500; i++) {
					all.add(new SectionDoc(UUID.randomUUID(), (i % 30 == 0) ? "database" : "other", vector(random)));
				}
				new TransactionTemplate(transactionManager).executeWithoutResult((status) -> docs.bulkInsert(all));
				VectorIndexManager indexes = new VectorIndexManager(dataSource, emf,
						VectorIndexSettings.builder().autoCreate(true).build());
				assertThat(indexes.createDeclaredIndexes()).isEqualTo(1);
				List<IndexInfo> created = indexes.indexes(SectionDoc.class);
				assertThat(created).singleElement()
					.satisfies((index) -> assertThat(index.name()).startsWith("section_docs_embedding_hnsw_cosine_idx_p"));
				assertThat(schema.query("select indexdef from pg_indexes where tablename = 'section_docs' "
						+ "and indexdef like '%hnsw%'"))
					.singleElement()
					.satisfies((row) -> assertThat((String) row.get(0)).endsWith("WHERE ((section)::text = 'database'::text)"));
				schema.execute("ANALYZE section_docs");
				for (int q = 0; q < 5; q++) {
					float[] query = vector(random);
					for (String section : List.of("database", "other")) {
						List<UUID> expected = all.stream()
							.filter((doc) -> doc.getSection().equals(section))
							.sorted(Comparator.comparingDouble(
									(SectionDoc doc) -> FilteredSearchFixture.cosineDistance(doc.getEmbedding(), query)))
							.limit(10)
							.map(SectionDoc::getId)
							.toList();
						List<Nearest<SectionDoc>> found = docs.findNearestBySection(query, section, 10);
						long hits = found.stream().map((n) -> n.entity().getId()).filter(expected::contains).count();
						assertThat(hits).as(section).isGreaterThanOrEqualTo(9);
					}
				}
				// 1,450 "other" rows are below the exact-scan bound
				assertThat(strategies.take()).containsExactly("partial-index", "auto-exact", "partial-index",
						"auto-exact", "partial-index", "auto-exact", "partial-index", "auto-exact", "partial-index",
						"auto-exact");
			}
		}
	}

	@Test
	void partialPredicateOverUnknownColumnsFailsStartUp(TestSchema schema) {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(schema.jdbcUrl());
			dataSource.setMaximumPoolSize(1);
			try (EntityManagerFactory emf = new HibernatePersistenceConfiguration("bad-partial")
				.managedClass(BadPartialDoc.class)
				.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
				.property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
				.createEntityManagerFactory()) {
				VectorIndexManager indexes = new VectorIndexManager(dataSource, emf, VectorIndexSettings.defaults());
				assertThatIllegalStateException().isThrownBy(indexes::createDeclaredIndexes)
					.withMessageStartingWith("@VectorIndex(where = \"shelf = 'top'\") on bad_partial_docs.embedding "
							+ "is not a valid predicate over \"bad_partial_docs\": ERROR: column \"shelf\" does not exist");
				assertThat(schema.query("select indexname from pg_indexes where tablename = 'bad_partial_docs' "
						+ "and indexdef like '%hnsw%'")).isEmpty();
			}
		}
	}

	private static SectionDocRepository repository(EntityManagerFactory emf, JpaTransactionManager transactionManager,
			StrategyRecorder strategies) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("transactionManager", transactionManager);
		VectorRepositoryFactoryBean<SectionDocRepository, SectionDoc, UUID> factory = new VectorRepositoryFactoryBean<>(
				SectionDocRepository.class);
		factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(emf));
		factory.setBeanFactory(beanFactory);
		factory.setObservations(strategies);
		factory.afterPropertiesSet();
		return factory.getObject();
	}

	private static float[] vector(Random random) {
		float[] vector = new float[24];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return vector;
	}

}
