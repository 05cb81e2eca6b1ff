package dev.vectorjpa.autoconfigure;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.MappedVectorColumns;
import dev.vectorjpa.jdbc.PgVectorSchemaValidator;
import dev.vectorjpa.mapping.IndexType;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Fails start-up when the database does not match the vector mapping: runs once the entity manager factory (and
 * with it Hibernate's schema generation and any Liquibase migration) is ready.
 *
 * @since 0.1
 */
public class VectorJpaSchemaValidation implements InitializingBean {

	private final DataSource dataSource;

	private final EntityManagerFactory entityManagerFactory;

	private final Map<String, String> features;

	/**
	 * A validation of {@code entityManagerFactory}'s vector columns.
	 * @param features configured features and the pgvector version each needs
	 */
	public VectorJpaSchemaValidation(DataSource dataSource, EntityManagerFactory entityManagerFactory,
			Map<String, String> features) {
		this.dataSource = dataSource;
		this.entityManagerFactory = entityManagerFactory;
		this.features = features;
	}

	/** The features {@code properties} configure that need a particular pgvector version, with that version. */
	public static Map<String, String> features(VectorJpaProperties properties) {
		Map<String, String> features = new LinkedHashMap<>();
		if (properties.getSearch().getIterativeScan() != null) {
			features.put("vector-jpa.search.iterative-scan", "0.8.0");
		}
		if (properties.getSearch().getMaxScanTuples() != null) {
			features.put("vector-jpa.search.max-scan-tuples", "0.8.0");
		}
		if (properties.getIndex().getType() == IndexType.HNSW) {
			features.put("vector-jpa.index.type=hnsw", "0.5.0");
		}
		if (properties.getMetric() == Metric.L1) {
			features.put("vector-jpa.metric=l1", "0.7.0");
		}
		return features;
	}

	@Override
	public void afterPropertiesSet() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			PgVectorSchemaValidator.validate(connection, MappedVectorColumns.of(this.entityManagerFactory),
					this.features);
		}
	}

}
