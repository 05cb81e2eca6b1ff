package dev.vectorjpa.readpath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.TestVectors;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import dev.vectorjpa.tenancy.DomainResolver;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.Vector;
import org.springframework.data.repository.Repository;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read method of a vector repository × {outside a transaction, inside one, inside a read-only one} × {domain
 * entity with a current domain, domain entity without one, entity without a domain}, on a pool of one connection,
 * checked against brute force over the rows the call may see. Subclasses switch row-level security on or off.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadPathMatrix {

	static final String ACME = "acme";

	static final List<String> CATEGORIES = List.of("news", "tech", "arts");

	static final MetadataFilter RED = MetadataFilter.eq("color", "red");

	static final Predicate<MatrixEntity> IS_RED = (row) -> "red".equals(row.getMetadata().get("color"));

	private final AtomicReference<String> currentDomain = new AtomicReference<>();

	private final List<MatrixEntity> docs = new ArrayList<>();

	private final List<MatrixEntity> acmeDocs = new ArrayList<>();

	private final List<MatrixEntity> plain = new ArrayList<>();

	private HikariDataSource dataSource;

	private EntityManagerFactory entityManagerFactory;

	private TransactionTemplate transaction;

	private TransactionTemplate readOnlyTransaction;

	private MatrixDocRepository docRepository;

	private MatrixPlainRepository plainRepository;

	/** Whether the persistence unit runs with {@code vector-jpa.domain-row-level-security}. */
	abstract boolean rowLevelSecurity();

	@BeforeAll
	void setUp(TestSchema schema) {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(schema.jdbcUrl());
		this.dataSource.setMaximumPoolSize(1);
		DomainResolver domains = () -> Optional.ofNullable(this.currentDomain.get());
		this.entityManagerFactory = new HibernatePersistenceConfiguration("matrix")
			.managedClasses(MatrixDoc.class, MatrixPlain.class)
			.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, this.dataSource)
			.property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
			.property(VectorJpaSettings.DOMAIN_RESOLVER, domains)
			.property(VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY, String.valueOf(rowLevelSecurity()))
			.createEntityManagerFactory();
		JpaTransactionManager transactionManager = new JpaTransactionManager(this.entityManagerFactory);
		this.transaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction.setReadOnly(true);
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("transactionManager", transactionManager);
		this.docRepository = repository(MatrixDocRepository.class, beanFactory);
		this.plainRepository = repository(MatrixPlainRepository.class, beanFactory);
		Random random = new Random(14);
		for (String domain : List.of(ACME, "globex")) {
			List<MatrixDoc> rows = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				rows.add(new MatrixDoc(UUID.randomUUID(), category(random), color(random), vector(random)));
			}
			this.currentDomain.set(domain);
			this.transaction.executeWithoutResult((status) -> this.docRepository.saveAll(rows));
			this.docs.addAll(rows);
			if (domain.equals(ACME)) {
				this.acmeDocs.addAll(rows);
			}
		}
		this.currentDomain.set(null);
		List<MatrixPlain> rows = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			rows.add(new MatrixPlain(UUID.randomUUID(), category(random), color(random), vector(random)));
		}
		this.transaction.executeWithoutResult((status) -> this.plainRepository.saveAll(rows));
		this.plain.addAll(rows);
		this.currentDomain.set(ACME);
		List<MatrixDoc> acme = this.transaction.execute((status) -> this.docRepository.findAll());
		assertThat(acme).hasSize(24)
			.allSatisfy((doc) -> assertThat(doc.domain()).isEqualTo(ACME));
		this.currentDomain.set(null);
	}

	@AfterAll
	void tearDown() {
		this.entityManagerFactory.close();
		this.dataSource.close();
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (ReadMethod method : ReadMethod.values()) {
			for (Transaction transaction : Transaction.values()) {
				for (Scope scope : Scope.values()) {
					cases.add(Arguments.of(method, transaction, scope));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("cases")
	void readsSeeExactlyTheRowsInScope(ReadMethod method, Transaction transaction, Scope scope) {
		Random random = new Random(method.ordinal() * 31 + transaction.ordinal() * 7 + scope.ordinal());
		float[] query = vector(random);
		MatrixRepository<?> repository = (scope == Scope.PLAIN) ? this.plainRepository : this.docRepository;
		List<MatrixEntity> visible = visible(scope);
		this.currentDomain.set((scope == Scope.DOMAIN_WITHOUT_CURRENT) ? null : ACME);
		try {
			List<Object> found = run(transaction, () -> method.read(repository, query));
			method.check(found, visible, query);
		}
		finally {
			this.currentDomain.set(null);
		}
	}

	private List<MatrixEntity> visible(Scope scope) {
		return switch (scope) {
			case PLAIN -> this.plain;
			case DOMAIN_WITH_CURRENT -> this.acmeDocs;
			// row-level security compares rows with the transaction's domain: without one, no row matches
			case DOMAIN_WITHOUT_CURRENT -> rowLevelSecurity() ? List.of() : this.docs;
		};
	}

	private <T> T run(Transaction transaction, Supplier<T> work) {
		return switch (transaction) {
			case NONE -> work.get();
			case READ_WRITE -> this.transaction.execute((status) -> work.get());
			case READ_ONLY -> this.readOnlyTransaction.execute((status) -> work.get());
		};
	}

	private <R extends Repository<S, UUID>, S> R repository(Class<R> type, DefaultListableBeanFactory beanFactory) {
		VectorRepositoryFactoryBean<R, S, UUID> factory = new VectorRepositoryFactoryBean<>(type);
		factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory));
		factory.setBeanFactory(beanFactory);
		factory.afterPropertiesSet();
		return factory.getObject();
	}

	static List<Object> nearestFirst(List<MatrixEntity> rows, float[] query, Predicate<MatrixEntity> filter, int k) {
		return rows.stream()
			.filter(filter)
			.sorted(Comparator.comparingDouble(
					(MatrixEntity row) -> TestVectors.distance(Metric.COSINE, row.getEmbedding(), query)))
			.limit(k)
			.map((row) -> (Object) row.getId())
			.toList();
	}

	private static String category(Random random) {
		return CATEGORIES.get(random.nextInt(CATEGORIES.size()));
	}

	private static String color(Random random) {
		return random.nextBoolean() ? "red" : "blue";
	}

	static float[] vector(Random random) {
		float[] vector = new float[4];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return vector;
	}

	private static List<Object> ids(List<? extends Nearest<?>> found) {
		return found.stream().map((nearest) -> (Object) ((MatrixEntity) nearest.entity()).getId()).toList();
	}

	enum Transaction {

		NONE, READ_WRITE, READ_ONLY

	}

	enum Scope {

		DOMAIN_WITH_CURRENT, DOMAIN_WITHOUT_CURRENT, PLAIN

	}

	enum ReadMethod {

		INHERITED {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return ids(repository.findNearest(query, 5));
			}
		},
		INHERITED_WITH_OPTIONS {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return ids(repository.findNearest(query, 5, SearchOptions.builder().efSearch(60).build()));
			}
		},
		FILTERED {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return ids(repository.findNearest(query, 5, RED));
			}

			@Override
			List<Object> expected(List<MatrixEntity> visible, float[] query) {
				return nearestFirst(visible, query, IS_RED, 5);
			}
		},
		FILTERED_WITH_OPTIONS {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return ids(repository.findNearest(query, 5, RED, SearchOptions.builder().exact(true).build()));
			}

			@Override
			List<Object> expected(List<MatrixEntity> visible, float[] query) {
				return nearestFirst(visible, query, IS_RED, 5);
			}
		},
		DERIVED_NEAREST {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return ids(repository.findNearestByCategory(query, "tech", 5));
			}

			@Override
			List<Object> expected(List<MatrixEntity> visible, float[] query) {
				return nearestFirst(visible, query, (row) -> row.getCategory().equals("tech"), 5);
			}
		},
		DERIVED_ENTITIES {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return repository.findNearestByCategoryIn(query, List.of("tech", "news"), Limit.of(5))
					.stream()
					.map((row) -> (Object) row.getId())
					.toList();
			}

			@Override
			List<Object> expected(List<MatrixEntity> visible, float[] query) {
				return nearestFirst(visible, query, (row) -> !row.getCategory().equals("arts"), 5);
			}
		},
		DERIVED_SEARCH_RESULTS {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return repository.searchNearestByCategory(Vector.of(query), "tech", Limit.of(5))
					.stream()
					.map(SearchResult::getContent)
					.map((row) -> (Object) row.getId())
					.toList();
			}

			@Override
			List<Object> expected(List<MatrixEntity> visible, float[] query) {
				return nearestFirst(visible, query, (row) -> row.getCategory().equals("tech"), 5);
			}
		},
		DERIVED_STREAM {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				try (Stream<? extends Nearest<?>> stream = repository.streamNearestByCategory(query, "tech", 5)) {
					return ids(stream.toList());
				}
			}

			@Override
			List<Object> expected(List<MatrixEntity> visible, float[] query) {
				return nearestFirst(visible, query, (row) -> row.getCategory().equals("tech"), 5);
			}
		},
		DERIVED_PROJECTION {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return repository.findNearestByCategoryNot(query, "tech", 5)
					.stream()
					.map((row) -> (Object) row.getId())
					.toList();
			}

			@Override
			List<Object> expected(List<MatrixEntity> visible, float[] query) {
				return nearestFirst(visible, query, (row) -> !row.getCategory().equals("tech"), 5);
			}
		},
		HYBRID_WITHOUT_TEXT_MATCH {
			// no row matches the text: the fused ranking is the vector ranking
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return ids(repository.findHybrid(query, "zzqxj", 5));
			}
		},
		HYBRID {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return ids(repository.findHybrid(query, "tech", 5));
			}

			@Override
			void check(List<Object> found, List<MatrixEntity> visible, float[] query) {
				List<Object> candidates = visible.stream().map((row) -> (Object) row.getId()).toList();
				assertThat(found).hasSize(Math.min(5, visible.size())).doesNotHaveDuplicates();
				assertThat(candidates).containsAll(found);
			}
		},
		COUNT {
			@Override
			List<Object> read(MatrixRepository<?> repository, float[] query) {
				return List.of(repository.count(RED));
			}

			@Override
			List<Object> expected(List<MatrixEntity> visible, float[] query) {
				return List.of(visible.stream().filter(IS_RED).count());
			}
		};

		abstract List<Object> read(MatrixRepository<?> repository, float[] query);

		List<Object> expected(List<MatrixEntity> visible, float[] query) {
			return nearestFirst(visible, query, (row) -> true, 5);
		}

		void check(List<Object> found, List<MatrixEntity> visible, float[] query) {
			assertThat(found).containsExactlyElementsOf(expected(visible, query));
		}

	}

}
