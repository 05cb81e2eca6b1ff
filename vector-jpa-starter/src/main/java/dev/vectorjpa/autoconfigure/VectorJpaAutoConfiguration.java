package dev.vectorjpa.autoconfigure;

import javax.sql.DataSource;

import dev.vectorjpa.embedding.TextEmbedder;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.index.DomainPartitions;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.observation.MicrometerVectorJpaObservations;
import dev.vectorjpa.observation.VectorJpaObservations;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;
import dev.vectorjpa.store.PgVectorStore;
import dev.vectorjpa.store.StoreColumn;
import dev.vectorjpa.store.VectorStore;
import dev.vectorjpa.store.VectorStoreSettings;
import dev.vectorjpa.tenancy.DomainEvaluationContextExtension;
import dev.vectorjpa.tenancy.DomainResolver;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for vector-jpa: passes
 * {@code vector-jpa.*} defaults to Hibernate, creates the pgvector extension before the schema, validates the schema
 * after it, and exposes the domain resolver, the search defaults and the observations.
 *
 * @since 0.1
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class },
		afterName = { "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ VectorRepository.class, EntityManagerFactory.class })
@ConditionalOnBooleanProperty(name = "vector-jpa.enabled", matchIfMissing = true)
@EnableConfigurationProperties(VectorJpaProperties.class)
// The start-up work below (extension, index creation, schema validation, store table) is marked
// @DependsOnDatabaseInitialization: it runs after Flyway, Liquibase and SQL scripts, which own the schema.
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class VectorJpaAutoConfiguration {

	/** Name of the {@link SearchOptions} bean holding the {@code vector-jpa.search.*} defaults. */
	public static final String SEARCH_OPTIONS_BEAN_NAME = "vectorJpaSearchOptions";

	private static final String TENANT_IDENTIFIER_RESOLVER = "hibernate.tenant_identifier_resolver";

	@Bean
	HibernatePropertiesCustomizer vectorJpaHibernatePropertiesCustomizer(VectorJpaProperties properties,
			ObjectProvider<DomainResolver> domainResolver, ObjectProvider<DataSource> dataSource,
			ObjectProvider<TextEmbedder> textEmbedder, ObjectProvider<VectorJpaObservations> observations) {
		return (hibernateProperties) -> {
			// @VectorColumn(embeddedFrom) and the String query methods embed with this bean, observed.
			textEmbedder.ifUnique((embedder) -> hibernateProperties.putIfAbsent(VectorJpaSettings.TEXT_EMBEDDER,
					embedder));
			observations.ifUnique((observed) -> hibernateProperties.putIfAbsent(VectorJpaSettings.OBSERVATIONS,
					observed));
			hibernateProperties.putIfAbsent(VectorJpaSettings.EMBEDDING_BATCH_SIZE, properties.getEmbedding().getBatchSize());
			// @VectorColumn(dimensions = 0) and metric-less columns read these while Hibernate builds its types.
			if (properties.getDimensions() != null) {
				hibernateProperties.putIfAbsent(VectorJpaSettings.DIMENSIONS, properties.getDimensions());
			}
			hibernateProperties.putIfAbsent(VectorJpaSettings.METRIC, properties.getMetric());
			// resolved once per session factory into each vector attribute's index type, which writes, searches,
			// bulk inserts and the index manager all read
			hibernateProperties.putIfAbsent(VectorJpaSettings.INDEX_TYPE, properties.getIndex().getType());
			// @DomainId scoping asks this bean for the current domain; an application that scopes with Hibernate's
			// own tenant identifier resolver keeps it (and @DomainId follows that one).
			DomainResolver resolver = domainResolver.getIfAvailable();
			VectorJpaProperties.DomainPartitioning partitioning = properties.getDomainPartitions();
			if (resolver != null && !partitioning.getTables().isEmpty()) {
				// each session's domain gets its partitions before the session's first statement
				resolver = new DomainPartitions(dataSource.getObject()).ensuringPartitions(resolver,
						partitioning.getSchema(), partitioning.getTables().toArray(String[]::new));
			}
			if (resolver != null && !hibernateProperties.containsKey(TENANT_IDENTIFIER_RESOLVER)) {
				hibernateProperties.putIfAbsent(VectorJpaSettings.DOMAIN_RESOLVER, resolver);
			}
			hibernateProperties.putIfAbsent(VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY,
					properties.isDomainRowLevelSecurity());
			hibernateProperties.putIfAbsent(VectorJpaSettings.BINARY_TRANSFER, properties.isBinaryTransfer());
		};
	}

	@Bean
	@ConditionalOnMissingBean
	DomainEvaluationContextExtension domainEvaluationContextExtension(DomainResolver domainResolver) {
		return new DomainEvaluationContextExtension(domainResolver);
	}

	@Bean
	@ConditionalOnMissingBean
	DomainResolver domainResolver(VectorJpaProperties properties) {
		return DomainResolver.fixed(properties.getDomain());
	}

	@Bean(name = SEARCH_OPTIONS_BEAN_NAME)
	@ConditionalOnMissingBean(name = SEARCH_OPTIONS_BEAN_NAME)
	SearchOptions vectorJpaSearchOptions(VectorJpaProperties properties) {
		VectorJpaProperties.Search search = properties.getSearch();
		SearchOptions.Builder builder = SearchOptions.builder();
		// The builder checks the ranges, so a bad value fails start-up naming the option.
		if (search.getEfSearch() != null) {
			builder.efSearch(search.getEfSearch());
		}
		if (search.getProbes() != null) {
			builder.probes(search.getProbes());
		}
		if (search.getIterativeScan() != null) {
			builder.iterativeScan(search.getIterativeScan());
		}
		if (search.getMaxScanTuples() != null) {
			builder.maxScanTuples(search.getMaxScanTuples());
		}
		if (search.getFilterStrategy() != SearchOptions.none().filterStrategy()) {
			// only a change from the default is set, so that unconfigured defaults stay SearchOptions.none()
			builder.filterStrategy(search.getFilterStrategy());
		}
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	static class MicrometerObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		VectorJpaObservations vectorJpaObservations(ObjectProvider<ObservationRegistry> observationRegistry) {
			return new MicrometerVectorJpaObservations(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.micrometer.observation.ObservationRegistry")
	static class NoopObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		VectorJpaObservations vectorJpaObservations() {
			return VectorJpaObservations.noop();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnBooleanProperty(name = "vector-jpa.create-extension", matchIfMissing = true)
	static class ExtensionConfiguration {

		@Bean
		@DependsOnDatabaseInitialization
		@ConditionalOnMissingBean
		VectorJpaExtensionInitializer vectorJpaExtensionInitializer(DataSource dataSource) {
			return new VectorJpaExtensionInitializer(dataSource);
		}

		/**
		 * Makes the entity manager factory wait for the extension: Hibernate's DDL needs the vector types.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(LocalContainerEntityManagerFactoryBean.class)
		@ConditionalOnBean(AbstractEntityManagerFactoryBean.class)
		static class ExtensionEntityManagerFactoryDependsOnPostProcessor
				extends EntityManagerFactoryDependsOnPostProcessor {

			ExtensionEntityManagerFactoryDependsOnPostProcessor() {
				super(VectorJpaExtensionInitializer.class);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class IndexConfiguration {

		@Bean
		@ConditionalOnMissingBean
		VectorIndexManager vectorIndexManager(DataSource dataSource,
				ObjectProvider<EntityManagerFactory> entityManagerFactory, VectorJpaProperties properties,
				ObjectProvider<VectorJpaObservations> observations) {
			VectorJpaProperties.Index index = properties.getIndex();
			VectorIndexSettings.Builder settings = VectorIndexSettings.builder()
				.defaultType(index.getType())
				.autoCreate(index.isAutoCreate())
				.minRows(index.getMinRows())
				.concurrently(index.isConcurrently())
				.hnswM(index.getHnsw().getM())
				.hnswEfConstruction(index.getHnsw().getEfConstruction())
				.ivfflatLists(index.getIvfflat().getLists());
			if (index.getMaintenanceWorkMem() != null) {
				settings.maintenanceWorkMem(index.getMaintenanceWorkMem().toKilobytes() + "kB");
			}
			VectorIndexManager manager = new VectorIndexManager(dataSource, entityManagerFactory.getIfAvailable(),
					settings.build());
			observations.ifAvailable(manager::setObservations);
			return manager;
		}

		@Bean
		@DependsOnDatabaseInitialization
		@ConditionalOnMissingBean
		@ConditionalOnBean(EntityManagerFactory.class)
		@ConditionalOnBooleanProperty("vector-jpa.index.auto-create")
		VectorJpaIndexInitializer vectorJpaIndexInitializer(VectorIndexManager indexManager,
				EntityManagerFactory entityManagerFactory) {
			return new VectorJpaIndexInitializer(indexManager, entityManagerFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnBooleanProperty("vector-jpa.store.enabled")
	static class StoreConfiguration {

		@Bean
		@DependsOnDatabaseInitialization
		@ConditionalOnMissingBean
		VectorStore vectorStore(DataSource dataSource, VectorJpaProperties properties,
				ObjectProvider<VectorJpaExtensionInitializer> extension, ObjectProvider<VectorIndexManager> indexManager,
				ObjectProvider<VectorJpaObservations> observations) {
			// The store creates its table when it starts: the vector type must exist by then.
			extension.ifAvailable((initializer) -> {
			});
			VectorJpaProperties.Store store = properties.getStore();
			VectorJpaProperties.Index index = properties.getIndex();
			if (properties.getDimensions() == null) {
				throw new IllegalStateException("vector-jpa.store.enabled=true needs vector-jpa.dimensions");
			}
			VectorJpaProperties.Columns columns = store.getColumns();
			VectorStoreSettings.Builder settings = VectorStoreSettings.builder(properties.getDimensions())
				.schema(store.getSchema())
				.table(store.getTable())
				.idType(store.getIdType())
				.autoCreateTable(store.isAutoCreateTable())
				.column(StoreColumn.ID, columns.getId())
				.column(StoreColumn.EMBEDDING, columns.getEmbedding())
				.column(StoreColumn.CONTENT, columns.getContent())
				.column(StoreColumn.METADATA, columns.getMetadata())
				.column(StoreColumn.DOMAIN_ID, columns.getDomainId())
				.column(StoreColumn.DOCUMENT_ID, columns.getDocumentId())
				.column(StoreColumn.CHUNK_INDEX, columns.getChunkIndex())
				.column(StoreColumn.CREATED_AT, columns.getCreatedAt())
				.metric(properties.getMetric())
				.domain(properties.getDomain())
				.indexType(index.getType())
				.hnsw(index.getHnsw().getM(), index.getHnsw().getEfConstruction())
				.autoCreateIndex(index.isAutoCreate())
				.minRowsForIndex(index.getMinRows())
				.concurrently(index.isConcurrently());
			if (index.getIvfflat().getLists() != null) {
				settings.ivfflatLists(index.getIvfflat().getLists());
			}
			VectorIndexManager manager = indexManager.getIfAvailable();
			PgVectorStore vectorStore = (manager != null) ? new PgVectorStore(dataSource, settings.build(), manager)
					: new PgVectorStore(dataSource, settings.build());
			observations.ifAvailable(vectorStore::setObservations);
			return vectorStore;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnBean(EntityManagerFactory.class)
	@ConditionalOnBooleanProperty(name = "vector-jpa.validate-schema", matchIfMissing = true)
	static class SchemaValidationConfiguration {

		@Bean
		@DependsOnDatabaseInitialization
		@ConditionalOnMissingBean
		VectorJpaSchemaValidation vectorJpaSchemaValidation(DataSource dataSource,
				EntityManagerFactory entityManagerFactory, VectorJpaProperties properties) {
			return new VectorJpaSchemaValidation(dataSource, entityManagerFactory,
					VectorJpaSchemaValidation.features(properties));
		}

	}

}
