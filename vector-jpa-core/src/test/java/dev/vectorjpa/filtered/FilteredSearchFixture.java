package dev.vectorjpa.filtered;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import dev.vectorjpa.tenancy.DomainResolver;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@value #ROWS} clustered rows where the rows a filter selects lie far from the queries (what makes filtering after an
 * approximate index scan lose them): row {@code b} ({@code bucket = b}) sits between a far centre (b = 0) and the
 * queries' centre (b = ROWS), so {@code bucket < n} selects the n rows farthest from the queries. Domains hold bucket
 * ranges of 0.1 %, 1 %, 10 % and 50 % of the rows. An HNSW index (built with one worker), B-tree indexes on
 * {@code bucket} and {@code domain}, and brute force in Java as ground truth.
 */
final class FilteredSearchFixture implements AutoCloseable {

	static final int ROWS = 4000;

	static final int K = 10;

	/** Rows selected at 0.1 %, 1 %, 10 %, 50 % and 100 %. */
	static final int[] SELECTED = { 4, 40, 400, 2000, 4000 };

	/** Domains by first bucket: tiny 0.1 %, small 1 %, medium 10 %, large 50 %, rest. */
	static final List<String> DOMAINS = List.of("tiny", "small", "medium", "large", "rest");

	static final int[] DOMAIN_START = { 0, 4, 44, 444, 2444, ROWS };

	private static final int DIMENSIONS = 24;

	final ThreadLocal<String> domain = new ThreadLocal<>();

	final StrategyRecorder strategies = new StrategyRecorder();

	final HikariDataSource dataSource;

	final EntityManagerFactory entityManagerFactory;

	final JpaTransactionManager transactionManager;

	final TransactionTemplate transactions;

	final FilteredDocRepository docs;

	final List<FilteredDoc> all = new ArrayList<>();

	private final float[] near;

	private final float[] far;

	private final Random random = new Random(2026);

	FilteredSearchFixture(TestSchema schema) {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(schema.jdbcUrl());
		this.dataSource.setMaximumPoolSize(1);
		DomainResolver resolver = () -> Optional.ofNullable(this.domain.get());
		this.entityManagerFactory = new HibernatePersistenceConfiguration("filtered")
			.managedClass(FilteredDoc.class)
			.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, this.dataSource)
			.property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
			.property(VectorJpaSettings.DOMAIN_RESOLVER, resolver)
			.createEntityManagerFactory();
		this.transactionManager = new JpaTransactionManager(this.entityManagerFactory);
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.docs = repository(SearchOptions.none());
		this.near = gaussian(1);
		this.far = gaussian(1);
		load();
		// one maintenance worker: parallel HNSW builds are unreliable before pgvector 0.8.2
		schema.execute("SET max_parallel_maintenance_workers = 0",
				"CREATE INDEX filtered_docs_embedding ON filtered_docs USING hnsw (embedding vector_cosine_ops)",
				"CREATE INDEX filtered_docs_bucket ON filtered_docs (bucket)",
				"CREATE INDEX filtered_docs_domain ON filtered_docs (domain)", "ANALYZE filtered_docs");
	}

	/** A repository over the fixture's table with {@code defaults} as its search defaults. */
	FilteredDocRepository repository(SearchOptions defaults) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("transactionManager", this.transactionManager);
		VectorRepositoryFactoryBean<FilteredDocRepository, FilteredDoc, UUID> factory = new VectorRepositoryFactoryBean<>(
				FilteredDocRepository.class);
		factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory));
		factory.setBeanFactory(beanFactory);
		factory.setObservations(this.strategies);
		factory.setSearchDefaults(defaults);
		factory.afterPropertiesSet();
		return factory.getObject();
	}

	private void load() {
		for (int d = 0; d < DOMAINS.size(); d++) {
			List<FilteredDoc> rows = new ArrayList<>();
			for (int bucket = DOMAIN_START[d]; bucket < DOMAIN_START[d + 1]; bucket++) {
				double w = (double) bucket / ROWS;
				float[] noise = gaussian(0.25);
				float[] vector = new float[DIMENSIONS];
				for (int i = 0; i < DIMENSIONS; i++) {
					vector[i] = (float) (this.far[i] * (1 - w) + this.near[i] * w) + noise[i];
				}
				rows.add(new FilteredDoc(UUID.randomUUID(), bucket, (bucket % 10 == 0) ? "database" : "other",
						vector));
			}
			this.domain.set(DOMAINS.get(d));
			try {
				this.transactions.executeWithoutResult((status) -> this.docs.bulkInsert(rows));
				this.all.addAll(this.transactions.execute((status) -> this.docs.findAll()));
			}
			finally {
				this.domain.remove();
			}
		}
	}

	/** A query near the queries' centre. */
	float[] query() {
		float[] noise = gaussian(0.25);
		float[] query = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			query[i] = this.near[i] + noise[i];
		}
		return query;
	}

	/** Runs {@code work} with {@code domain} current (none for null). */
	<T> T in(String domain, Supplier<T> work) {
		if (domain != null) {
			this.domain.set(domain);
		}
		try {
			return work.get();
		}
		finally {
			this.domain.remove();
		}
	}

	static String domainOf(int bucket) {
		int d = 0;
		while (bucket >= DOMAIN_START[d + 1]) {
			d++;
		}
		return DOMAINS.get(d);
	}

	/** The ids of the k rows nearest {@code query} among those {@code filter} selects. */
	List<UUID> bruteForce(float[] query, Predicate<FilteredDoc> filter, int k) {
		return this.all.stream()
			.filter(filter)
			.sorted(Comparator.comparingDouble((FilteredDoc doc) -> cosineDistance(doc.getEmbedding(), query)))
			.limit(k)
			.map(FilteredDoc::getId)
			.toList();
	}

	/** recall@k of {@code found} against {@code truth}. */
	static double recall(List<Nearest<FilteredDoc>> found, List<UUID> truth) {
		if (truth.isEmpty()) {
			return found.isEmpty() ? 1 : 0;
		}
		long hits = found.stream().map((nearest) -> nearest.entity().getId()).filter(truth::contains).count();
		return (double) hits / truth.size();
	}

	static double cosineDistance(float[] a, float[] b) {
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

	private float[] gaussian(double scale) {
		float[] vector = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			vector[i] = (float) (this.random.nextGaussian() * scale);
		}
		return vector;
	}

	@Override
	public void close() {
		this.entityManagerFactory.close();
		this.dataSource.close();
	}

}
