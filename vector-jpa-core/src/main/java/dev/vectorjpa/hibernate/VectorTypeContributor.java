package dev.vectorjpa.hibernate;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;

/**
 * Registers the Java types of {@link dev.vectorjpa.mapping.SparseVector} and {@link dev.vectorjpa.mapping.BitVector}
 * on PostgreSQL, so that query parameters and results of those types resolve without a mapping.
 * <p>
 * The JDBC types are not registered by type code: that would replace hibernate-vector's for its own
 * {@code SparseFloatVector} and {@code byte[]} mappings; {@link VectorColumnBinder} sets ours per attribute.
 *
 * @since 0.1
 */
public final class VectorTypeContributor implements TypeContributor {

	@Override
	public void contribute(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
		Dialect dialect = serviceRegistry.requireService(JdbcServices.class).getDialect();
		if (dialect instanceof PostgreSQLDialect) {
			typeContributions.contributeJavaType(SparseVectorJavaType.INSTANCE);
			typeContributions.contributeJavaType(BitVectorJavaType.INSTANCE);
		}
	}

}
