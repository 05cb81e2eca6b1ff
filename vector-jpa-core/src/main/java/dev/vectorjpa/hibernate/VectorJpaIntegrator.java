package dev.vectorjpa.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vectorjpa.jdbc.PgVectorSchemaValidator;
import dev.vectorjpa.jdbc.PgVectorSchemaValidator.ExpectedColumn;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * Registers vector-jpa's write checks as Hibernate event listeners, {@code avg}/{@code sum} over vectors once the
 * query engine is built and, when Hibernate validates the schema, checks the vector columns' types and dimensions
 * too; found through {@code META-INF/services}, so it applies with and without Spring.
 *
 * @since 0.1
 */
public final class VectorJpaIntegrator implements Integrator {

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		Map<String, Object> settings = sessionFactory.getServiceRegistry()
			.requireService(ConfigurationService.class)
			.getSettings();
		if (VectorFunctionContributor.appliesTo(sessionFactory.getJdbcServices().getDialect())) {
			sessionFactory.addObserver(VectorAggregateFunction.installer());
		}
		Map<Class<?>, VectorEntityMetadata> entities = VectorMetadataReader.read(metadata, sessionFactory);
		VectorEntityRegistry registry = VectorEntityRegistry.of(sessionFactory);
		registry.register(entities, DomainSettings.rowLevelSecurity(settings));
		EntityEmbeddings embeddings = EntityEmbeddings.create(metadata, entities, settings);
		registry.registerEmbeddings(embeddings);
		if (entities.values().stream().allMatch((entity) -> entity.vectorAttributes().isEmpty())) {
			return;
		}
		EventListenerRegistry listeners = sessionFactory.getEventListenerRegistry();
		if (embeddings != null) {
			EmbeddingListener embedding = new EmbeddingListener(embeddings);
			// Prepended: vectors are computed before Hibernate's own flush looks for dirty entities.
			listeners.prependListeners(EventType.FLUSH, embedding);
			listeners.prependListeners(EventType.AUTO_FLUSH, embedding);
			listeners.appendListeners(EventType.PRE_INSERT, embedding);
		}
		VectorWriteCheckListener listener = new VectorWriteCheckListener(entities.values(), embeddings);
		// Prepended: the checks must run before Hibernate's own listeners schedule anything.
		listeners.prependListeners(EventType.PERSIST, listener);
		listeners.prependListeners(EventType.PERSIST_ONFLUSH, listener);
		listeners.prependListeners(EventType.MERGE, listener);
		// Appended: the default listener computes the dirty properties; statements run only after all entities.
		listeners.appendListeners(EventType.FLUSH_ENTITY, listener);
		if (isValidate(settings)) {
			validateSchema(sessionFactory, MappedVectorColumns.of(entities.values()));
		}
	}

	@Override
	public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
	}

	private static boolean isValidate(Map<String, Object> settings) {
		for (String key : new String[] { SchemaToolingSettings.HBM2DDL_AUTO,
				SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION }) {
			Object value = settings.get(key);
			if (value != null && "validate".equals(value.toString().trim().toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	private static void validateSchema(SessionFactoryImplementor sessionFactory, List<ExpectedColumn> columns) {
		JdbcConnectionAccess access = sessionFactory.getServiceRegistry()
			.requireService(JdbcServices.class)
			.getBootstrapJdbcConnectionAccess();
		try {
			Connection connection = access.obtainConnection();
			try {
				// the validator the starter runs too: one set of checks and messages
				PgVectorSchemaValidator.validate(connection, columns, Map.of());
			}
			finally {
				access.releaseConnection(connection);
			}
		}
		catch (SQLException ex) {
			throw new SchemaManagementException("Schema-validation: could not read vector column types: "
					+ ex.getMessage());
		}
		catch (IllegalStateException ex) {
			throw new SchemaManagementException("Schema-validation: " + ex.getMessage());
		}
	}

}
