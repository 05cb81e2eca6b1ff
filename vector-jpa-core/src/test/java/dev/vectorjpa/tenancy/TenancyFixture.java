package dev.vectorjpa.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.spel.ExtensionAwareEvaluationContextProvider;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A plain (Spring-less) persistence unit over a 2-connection HikariCP pool with a switchable domain, plus the Spring
 * Data repository and transactions a Spring application would have, plus ground truth read with plain JDBC.
 */
final class TenancyFixture implements AutoCloseable {

	final ThreadLocalDomainResolver domains = new ThreadLocalDomainResolver();

	final HikariDataSource dataSource;

	final EntityManagerFactory entityManagerFactory;

	final EntityManager sharedEntityManager;

	final NoteRepository notes;

	final TransactionTemplate transactions;

	private final TestSchema schema;

	TenancyFixture(TestSchema schema, Map<String, Object> properties) {
		this.schema = schema;
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(schema.jdbcUrl());
		this.dataSource.setMaximumPoolSize(2);
		this.dataSource.setMinimumIdle(2);
		HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("tenancy")
			.managedClass(Note.class)
			.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, this.dataSource)
			.property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
			.property(VectorJpaSettings.DOMAIN_RESOLVER, this.domains);
		properties.forEach(configuration::property);
		this.entityManagerFactory = configuration.createEntityManagerFactory();
		this.sharedEntityManager = SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory);
		JpaRepositoryFactory factory = new JpaRepositoryFactory(this.sharedEntityManager);
		factory.setEvaluationContextProvider(
				new ExtensionAwareEvaluationContextProvider(List.of(new DomainEvaluationContextExtension(this.domains))));
		this.notes = factory.getRepository(NoteRepository.class);
		this.transactions = new TransactionTemplate(new JpaTransactionManager(this.entityManagerFactory));
	}

	/** Runs {@code work} in a transaction of its own with {@code domain} current. */
	<T> T in(String domain, Supplier<T> work) {
		this.domains.set(domain);
		try {
			return this.transactions.execute((status) -> work.get());
		}
		finally {
			this.domains.set(null);
		}
	}

	void run(String domain, Runnable work) {
		in(domain, () -> {
			work.run();
			return null;
		});
	}

	/** Every row as {@code id -> [domain, title]}, read with plain JDBC (no scoping). */
	Map<UUID, List<String>> rows() {
		Map<UUID, List<String>> rows = new TreeMap<>();
		for (List<Object> row : this.schema.query("select id, domain, title from notes")) {
			List<String> values = new ArrayList<>();
			values.add((String) row.get(1));
			values.add((String) row.get(2));
			rows.put((UUID) row.get(0), values);
		}
		return rows;
	}

	@Override
	public void close() {
		this.entityManagerFactory.close();
		this.dataSource.close();
	}

}
