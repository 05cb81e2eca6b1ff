package dev.vectorjpa.autoconfigure;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.vectorjpa.jdbc.PgVectorExtension;

import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the pgvector extension at start-up; the entity manager factory depends on it, so that Hibernate's schema
 * generation finds the {@code vector} types.
 *
 * @since 0.1
 */
public class VectorJpaExtensionInitializer implements InitializingBean {

	private final DataSource dataSource;

	/** An initializer for the extension in {@code dataSource}'s database. */
	public VectorJpaExtensionInitializer(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			PgVectorExtension.create(connection);
		}
	}

}
