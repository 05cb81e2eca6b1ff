package dev.vectorjpa.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.reliability.RelRepositories.RelDocRepository;
import dev.vectorjpa.reliability.RelRepositories.RelIvfDocRepository;
import dev.vectorjpa.reliability.RelRepositories.RelMixedDocRepository;
import dev.vectorjpa.reliability.RelRepositories.RelSeqDocRepository;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import dev.vectorjpa.store.PgVectorStore;
import dev.vectorjpa.store.VectorStoreSettings;
import dev.vectorjpa.tenancy.ThreadLocalDomainResolver;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an application has, without Spring Boot: a HikariCP pool of a given size (one by default: no call may need a
 * second connection), Hibernate with the reliability entities and a switchable domain, the JPA transaction manager
 * (also over the data source, so that stores join its transactions), an auto-creating index manager handed to the
 * repositories, and a count of the SQL statements sent.
 */
final class ReliabilityFixture implements AutoCloseable {

	static final int MIN_ROWS = 50;

	final ThreadLocalDomainResolver domains = new ThreadLocalDomainResolver();

	final HikariDataSource pool;

	final SqlCountingDataSource sql;

	final EntityManagerFactory entityManagerFactory;

	final JpaTransactionManager transactionManager;

	final TransactionTemplate transactions;

	final VectorIndexManager indexManager;

	final RelDocRepository docs;

	final RelSeqDocRepository seqDocs;

	final RelIvfDocRepository ivfDocs;

	final RelMixedDocRepository mixedDocs;

	private final String schema;

	final String applicationName = "vjpa-rel-" + UUID.randomUUID().toString().substring(0, 8);

	ReliabilityFixture(TestSchema schema, int poolSize) {
		this(schema, poolSize, "create-drop");
	}

	/** @param schemaAction Hibernate's {@code hbm2ddl.auto}: {@code none} for a second fixture over the same tables */
	ReliabilityFixture(TestSchema schema, int poolSize, String schemaAction) {
		this(schema.jdbcUrl(), schema.name(), poolSize, schemaAction);
	}

	ReliabilityFixture(String jdbcUrl, String schema, int poolSize, String schemaAction) {
		this.schema = schema;
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl(jdbcUrl);
		// lets a fault test find (and terminate) exactly this pool's server processes
		this.pool.addDataSourceProperty("ApplicationName", this.applicationName);
		this.pool.setMaximumPoolSize(poolSize);
		// a call that waits for a second connection fails within seconds instead of hanging the suite
		this.pool.setConnectionTimeout(3_000);
		this.sql = new SqlCountingDataSource(this.pool);
		this.entityManagerFactory = new HibernatePersistenceConfiguration("reliability")
			.managedClasses(RelDoc.class, RelSeqDoc.class, RelIvfDoc.class, RelMixedDoc.class)
			.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, this.sql.dataSource())
			.property(AvailableSettings.HBM2DDL_AUTO, schemaAction)
			.property(VectorJpaSettings.DOMAIN_RESOLVER, this.domains)
			.createEntityManagerFactory();
		this.transactionManager = new JpaTransactionManager(this.entityManagerFactory);
		this.transactionManager.setDataSource(this.sql.dataSource());
		// as with LocalContainerEntityManagerFactoryBean: exposes the JDBC connection, so stores join the transaction
		this.transactionManager.setJpaDialect(new HibernateJpaDialect());
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.indexManager = new VectorIndexManager(this.sql.dataSource(), this.entityManagerFactory,
				VectorIndexSettings.builder().autoCreate(true).minRows(MIN_ROWS).build());
		this.indexManager.createDeclaredIndexes();
		this.docs = repository(RelDocRepository.class);
		this.seqDocs = repository(RelSeqDocRepository.class);
		this.ivfDocs = repository(RelIvfDocRepository.class);
		this.mixedDocs = repository(RelMixedDocRepository.class);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private <R> R repository(Class<R> type) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("transactionManager", this.transactionManager);
		// what LocalContainerEntityManagerFactoryBean contributes in an application: exceptions become Spring's
		beanFactory.registerSingleton("exceptionTranslator", new HibernateJpaDialect());
		VectorRepositoryFactoryBean factory = new VectorRepositoryFactoryBean(type);
		factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory));
		factory.setBeanFactory(beanFactory);
		factory.setVectorIndexManager(this.indexManager);
		factory.afterPropertiesSet();
		return (R) factory.getObject();
	}

	/** Settings of a store table in the test's schema. */
	VectorStoreSettings.Builder storeSettings(String table) {
		return VectorStoreSettings.builder(4).schema(this.schema).table(table);
	}

	/** A store over this fixture's pool, initialised. */
	PgVectorStore store(VectorStoreSettings settings) {
		PgVectorStore store = new PgVectorStore(this.sql.dataSource(), settings);
		store.afterPropertiesSet();
		return store;
	}

	/** Runs {@code work} with {@code domain} current (null: none), outside any transaction. */
	<T> T as(String domain, Supplier<T> work) {
		this.domains.set(domain);
		try {
			return work.get();
		}
		finally {
			this.domains.set(null);
		}
	}

	/** Runs {@code work} with {@code domain} current in a transaction of its own. */
	<T> T inTransaction(String domain, Supplier<T> work) {
		return as(domain, () -> this.transactions.execute((status) -> work.get()));
	}

	static float[] vector(Random random, int dimensions) {
		float[] vector = new float[dimensions];
		for (int i = 0; i < dimensions; i++) {
			vector[i] = random.nextFloat() * 2 - 1;
		}
		return vector;
	}

	static List<RelDoc> docs(Random random, int count, String category) {
		List<RelDoc> docs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			docs.add(new RelDoc(UUID.randomUUID(), category, vector(random, 4)));
		}
		return docs;
	}

	@Override
	public void close() {
		this.entityManagerFactory.close();
		this.pool.close();
	}

}
