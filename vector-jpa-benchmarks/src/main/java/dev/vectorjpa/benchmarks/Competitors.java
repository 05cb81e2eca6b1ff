package dev.vectorjpa.benchmarks;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.jpa.CompetitorJpaConfiguration;
import dev.vectorjpa.benchmarks.jpa.JpaIngestRepository;
import dev.vectorjpa.benchmarks.jpa.SpringDataDocumentRepository;

/**
 * The Spring Data JPA competitors' Spring context (plain Spring, Hibernate, the shared pool).
 */
final class Competitors implements AutoCloseable {

	private final AnnotationConfigApplicationContext context;

	Competitors(BenchDatabase db) {
		this.context = new AnnotationConfigApplicationContext();
		this.context.registerBean("dataSource", javax.sql.DataSource.class, db::dataSource);
		this.context.register(CompetitorJpaConfiguration.class);
		this.context.refresh();
	}

	SpringDataDocumentRepository springDataDocuments() {
		return this.context.getBean(SpringDataDocumentRepository.class);
	}

	JpaIngestRepository jpaIngest() {
		return this.context.getBean(JpaIngestRepository.class);
	}

	TransactionTemplate transactions() {
		return this.context.getBean(TransactionTemplate.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
