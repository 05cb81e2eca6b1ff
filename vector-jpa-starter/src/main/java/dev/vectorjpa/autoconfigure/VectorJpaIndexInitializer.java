package dev.vectorjpa.autoconfigure;

import dev.vectorjpa.index.VectorIndexManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the declared vector indexes at start-up ({@code vector-jpa.index.auto-create=true}), once the entity
 * manager factory, and with it Hibernate's DDL and any Liquibase migration, is ready.
 *
 * @since 0.1
 */
public class VectorJpaIndexInitializer implements InitializingBean {

	private final VectorIndexManager indexManager;

	/**
	 * An initializer of {@code indexManager}'s declared indexes.
	 * @param entityManagerFactory taken only so that the tables exist before the indexes are created
	 */
	public VectorJpaIndexInitializer(VectorIndexManager indexManager, EntityManagerFactory entityManagerFactory) {
		this.indexManager = indexManager;
	}

	@Override
	public void afterPropertiesSet() {
		this.indexManager.createDeclaredIndexes();
	}

}
