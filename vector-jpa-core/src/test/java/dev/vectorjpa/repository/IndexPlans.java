package dev.vectorjpa.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;

/**
 * EXPLAIN for SQL Hibernate generated, with an HNSW index of the attribute's operator class in place.
 */
final class IndexPlans {

	private final TestSchema schema;

	private final EntityManagerFactory entityManagerFactory;

	IndexPlans(TestSchema schema, EntityManagerFactory entityManagerFactory) {
		this.schema = schema;
		this.entityManagerFactory = entityManagerFactory;
	}

	/** Runs {@code checks} with the index's name while an HNSW index on {@code attribute} exists. */
	void withIndex(Class<?> entity, String attribute, IndexCheck checks) throws Exception {
		VectorEntityMetadata metadata = VectorEntityMetadata.of(this.entityManagerFactory, entity);
		VectorAttribute vector = metadata.vectorAttribute(attribute);
		VectorIndexDefinition index = new VectorIndexDefinition(null, metadata.tableName(), vector.columnName(),
				vector.type(), vector.metric(), IndexType.HNSW, null, null, null, false, null, null);
		this.schema.execute(index.createSql());
		try {
			checks.check(index.indexName());
		}
		finally {
			this.schema.execute(index.dropSql());
		}
	}

	/**
	 * The plan of {@code sql} with its query vector parameters ({@code cast(? as ...)}) replaced by
	 * {@code queryLiteral} and any other parameter (the row limit) by 5, with sequential scans disabled (a few
	 * hundred rows: the planner would rightly prefer one; the point is that it can use the index).
	 */
	String plan(String sql, String queryLiteral) throws Exception {
		return explain(this.schema, sql.replace("cast(? as", "cast(" + queryLiteral + " as").replace("?", "5"));
	}

	/** The plan of {@code sql} (no parameters) with sequential scans disabled. */
	static String explain(TestSchema schema, String sql) throws Exception {
		try (Connection connection = schema.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL enable_seqscan = off");
				StringBuilder plan = new StringBuilder();
				try (ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
					while (rows.next()) {
						plan.append(rows.getString(1)).append('\n');
					}
				}
				return plan.toString();
			}
			finally {
				connection.rollback();
			}
		}
	}

	/** Assertions over an index by name. */
	@FunctionalInterface
	interface IndexCheck {

		void check(String indexName) throws Exception;

	}

}
