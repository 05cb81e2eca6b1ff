package dev.vectorjpa.tenancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.repository.MetadataFilter;
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
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Inherited and derived {@code findNearest} and {@code count(MetadataFilter)} only ever see the current domain, checked
 * against brute force over that domain's rows.
 */
@DatabaseTest
class DomainVectorSearchIntegrationTests {

	private static final List<String> DOMAINS = List.of("acme", "o'brien; DROP TABLE scoped_docs; --", "globex");

	private static final List<String> CATEGORIES = List.of("news", "tech");

	@Test
	void vectorSearchesAndCountsSeeOneDomain(TestSchema schema) {
		ThreadLocalDomainResolver domains = new ThreadLocalDomainResolver();
		Random random = new Random(99);
		List<ScopedDoc> all = new ArrayList<>();
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(schema.jdbcUrl());
			dataSource.setMaximumPoolSize(2);
			try (EntityManagerFactory emf = new HibernatePersistenceConfiguration("vector-tenancy")
				.managedClass(ScopedDoc.class)
				.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
				.property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
				.property(VectorJpaSettings.DOMAIN_RESOLVER, domains)
				.createEntityManagerFactory()) {
				JpaTransactionManager transactionManager = new JpaTransactionManager(emf);
				TransactionTemplate transactions = new TransactionTemplate(transactionManager);
				DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
				beanFactory.registerSingleton("transactionManager", transactionManager);
				VectorRepositoryFactoryBean<ScopedDocRepository, ScopedDoc, UUID> factory = new VectorRepositoryFactoryBean<>(
						ScopedDocRepository.class);
				factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(emf));
				factory.setBeanFactory(beanFactory);
				factory.afterPropertiesSet();
				ScopedDocRepository docs = factory.getObject();
				for (String domain : DOMAINS) {
					List<ScopedDoc> created = new ArrayList<>();
					for (int i = 0; i < 40; i++) {
						created.add(new ScopedDoc(UUID.randomUUID(), CATEGORIES.get(random.nextInt(2)),
								Map.of("color", random.nextBoolean() ? "red" : "blue"), vector(random)));
					}
					domains.set(domain);
					if (domain.equals(DOMAINS.get(2))) {
						transactions.executeWithoutResult((status) -> docs.bulkInsert(created));
					}
					else {
						transactions.executeWithoutResult((status) -> docs.saveAll(created));
					}
					all.addAll(transactions.execute((status) -> docs.findAll()));
				}
				for (String domain : DOMAINS) {
					domains.set(domain);
					Predicate<ScopedDoc> mine = (doc) -> doc.getDomain().equals(domain);
					for (int q = 0; q < 5; q++) {
						float[] query = vector(random);
						assertThat(ids(transactions, () -> docs.findNearest(query, 10)))
							.containsExactlyElementsOf(bruteForce(all, query, mine, 10));
						assertThat(ids(transactions, () -> docs.findNearestByCategory(query, "tech", 5)))
							.containsExactlyElementsOf(
									bruteForce(all, query, mine.and((doc) -> doc.getCategory().equals("tech")), 5));
						MetadataFilter red = MetadataFilter.eq("color", "red");
						Predicate<ScopedDoc> isRed = (doc) -> "red".equals(doc.getMetadata().get("color"));
						assertThat(ids(transactions, () -> docs.findNearest(query, 10, red)))
							.containsExactlyElementsOf(bruteForce(all, query, mine.and(isRed), 10));
						assertThat(count(transactions, () -> docs.count(red)))
							.isEqualTo(all.stream().filter(mine.and(isRed)).count());
						List<Nearest<ScopedDoc>> hybrid = transactions
							.execute((status) -> docs.findHybrid(query, "tech", 10));
						assertThat(hybrid).isNotEmpty()
							.allSatisfy((nearest) -> assertThat(nearest.entity().getDomain()).isEqualTo(domain));
					}
				}
				domains.set(DOMAINS.get(0));
				ScopedDoc intruder = new ScopedDoc(UUID.randomUUID(), "news", Map.of(), vector(random));
				org.springframework.test.util.ReflectionTestUtils.setField(intruder, "domain", DOMAINS.get(1));
				assertThatException()
					.isThrownBy(() -> transactions.executeWithoutResult((status) -> docs.bulkInsert(List.of(intruder))))
					.withStackTraceContaining("but the current domain is 'acme'");
				assertThat(all).hasSize(120);
				assertThat(all).filteredOn((doc) -> doc.getDomain().equals(DOMAINS.get(2))).hasSize(40);
				domains.set(null);
				float[] query = vector(random);
				assertThat(ids(transactions, () -> docs.findNearest(query, 10)))
					.containsExactlyElementsOf(bruteForce(all, query, (doc) -> true, 10));
				assertThat(count(transactions, () -> docs.count(MetadataFilter.exists("color"))))
					.isEqualTo(all.size());
			}
		}
	}

	private static List<UUID> ids(TransactionTemplate transactions, Supplier<List<Nearest<ScopedDoc>>> search) {
		List<Nearest<ScopedDoc>> found = transactions.execute((status) -> search.get());
		return found.stream().map((nearest) -> nearest.entity().getId()).toList();
	}

	private static long count(TransactionTemplate transactions, Supplier<Long> count) {
		Long value = transactions.execute((status) -> count.get());
		return value;
	}

	private static List<UUID> bruteForce(List<ScopedDoc> docs, float[] query, Predicate<ScopedDoc> filter, int k) {
		return docs.stream()
			.filter(filter)
			.sorted(Comparator.comparingDouble((ScopedDoc doc) -> cosineDistance(doc.getEmbedding(), query)))
			.limit(k)
			.map(ScopedDoc::getId)
			.toList();
	}

	private static double cosineDistance(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return 1 - dot / Math.sqrt(na * nb);
	}

	private static float[] vector(Random random) {
		float[] vector = new float[4];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return vector;
	}

}
