package dev.vectorjpa.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.VectorIndexSettings;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.observation.MicrometerVectorJpaObservations;
import dev.vectorjpa.observation.VectorJpaObservations;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.SearchOptions.IterativeScan;
import dev.vectorjpa.repository.VectorRepository;
import dev.vectorjpa.store.IdType;
import dev.vectorjpa.store.PgVectorStore;
import dev.vectorjpa.store.StoreColumn;
import dev.vectorjpa.store.VectorStore;
import dev.vectorjpa.store.VectorStoreSettings;
import dev.vectorjpa.tenancy.DomainEvaluationContextExtension;
import dev.vectorjpa.tenancy.DomainResolver;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link VectorJpaAutoConfiguration} and {@link VectorJpaHealthContributorAutoConfiguration} (no database).
 */
class VectorJpaAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(VectorJpaAutoConfiguration.class, VectorJpaHealthContributorAutoConfiguration.class));

	@Test
	void registersDefaultBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(VectorJpaProperties.class);
			assertThat(context).hasSingleBean(DomainResolver.class);
			assertThat(context).hasSingleBean(HibernatePropertiesCustomizer.class);
			assertThat(context).hasSingleBean(VectorJpaObservations.class);
			assertThat(context).getBean(VectorJpaAutoConfiguration.SEARCH_OPTIONS_BEAN_NAME, SearchOptions.class)
				.isEqualTo(SearchOptions.none());
			assertThat(context.getBean(DomainResolver.class).currentDomain()).isEmpty();
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("vector-jpa.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(VectorJpaProperties.class);
			assertThat(context).doesNotHaveBean(DomainResolver.class);
			assertThat(context).doesNotHaveBean(HibernatePropertiesCustomizer.class);
		});
	}

	@Test
	void backsOffWithoutVectorJpaOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(VectorRepository.class))
			.run((context) -> assertThat(context).doesNotHaveBean(VectorJpaProperties.class));
	}

	@Test
	void backsOffWithoutJpaOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.persistence"))
			.run((context) -> assertThat(context).doesNotHaveBean(VectorJpaProperties.class));
	}

	@Test
	void backsOffWhenUserDefinesDomainResolver() {
		this.contextRunner.withUserConfiguration(UserBeans.class)
			.withPropertyValues("vector-jpa.domain=ignored")
			.run((context) -> {
				assertThat(context).hasSingleBean(DomainResolver.class);
				assertThat(context.getBean(DomainResolver.class).currentDomain()).contains("from-user");
			});
	}

	@Test
	void backsOffWhenUserDefinesSearchOptions() {
		this.contextRunner.withUserConfiguration(UserBeans.class)
			.withPropertyValues("vector-jpa.search.ef-search=200")
			.run((context) -> assertThat(context)
				.getBean(VectorJpaAutoConfiguration.SEARCH_OPTIONS_BEAN_NAME, SearchOptions.class)
				.isEqualTo(SearchOptions.builder().probes(7).build()));
	}

	@Test
	void backsOffWhenUserDefinesVectorJpaObservations() {
		this.contextRunner.withUserConfiguration(UserBeans.class)
			.run((context) -> assertThat(context.getBean(VectorJpaObservations.class))
				.isSameAs(UserBeans.OBSERVATIONS));
	}

	@Test
	void domainResolverReturnsConfiguredDomain() {
		this.contextRunner.withPropertyValues("vector-jpa.domain=acme")
			.run((context) -> assertThat(context.getBean(DomainResolver.class).currentDomain()).contains("acme"));
	}

	@Test
	void searchOptionsComeFromProperties() {
		this.contextRunner
			.withPropertyValues("vector-jpa.search.ef-search=120", "vector-jpa.search.probes=9",
					"vector-jpa.search.iterative-scan=relaxed-order", "vector-jpa.search.max-scan-tuples=30000",
					"vector-jpa.search.filter-strategy=exact")
			.run((context) -> assertThat(context)
				.getBean(VectorJpaAutoConfiguration.SEARCH_OPTIONS_BEAN_NAME, SearchOptions.class)
				.isEqualTo(SearchOptions.builder()
					.efSearch(120)
					.probes(9)
					.iterativeScan(IterativeScan.RELAXED_ORDER)
					.maxScanTuples(30000)
					.filterStrategy(SearchOptions.FilterStrategy.EXACT)
					.build()));
	}

	@Test
	void outOfRangeSearchOptionFailsStartUp() {
		this.contextRunner.withPropertyValues("vector-jpa.search.ef-search=5000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("efSearch must be between 1 and 1000, got 5000"));
	}

	@Test
	void hibernatePropertiesCustomizerPassesDimensionsAndMetric() {
		this.contextRunner.withPropertyValues("vector-jpa.dimensions=384", "vector-jpa.metric=euclidean")
			.run((context) -> {
				Map<String, Object> hibernateProperties = new HashMap<>();
				context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
				assertThat(hibernateProperties).containsEntry(VectorJpaSettings.DIMENSIONS, 384)
					.containsEntry(VectorJpaSettings.METRIC, Metric.EUCLIDEAN);
				VectorColumn column = Annotated.class.getDeclaredField("embedding").getAnnotation(VectorColumn.class);
				assertThat(VectorJpaSettings.dimensions(column, hibernateProperties, "Annotated.embedding"))
					.isEqualTo(384);
				assertThat(VectorJpaSettings.metric(column, hibernateProperties, "Annotated.embedding"))
					.isEqualTo(Metric.EUCLIDEAN);
			});
	}

	@Test
	void hibernatePropertiesCustomizerPassesTheIndexTypeEveryVectorAttributeResolves() {
		this.contextRunner.withPropertyValues("vector-jpa.index.type=ivfflat").run((context) -> {
			Map<String, Object> hibernateProperties = new HashMap<>();
			context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
			assertThat(hibernateProperties).containsEntry(VectorJpaSettings.INDEX_TYPE, IndexType.IVFFLAT);
			assertThat(VectorJpaSettings.indexType(null, hibernateProperties, "Annotated.embedding"))
				.isEqualTo(IndexType.IVFFLAT);
		});
		this.contextRunner.run((context) -> {
			Map<String, Object> hibernateProperties = new HashMap<>();
			context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
			assertThat(VectorJpaSettings.indexType(null, hibernateProperties, "Annotated.embedding"))
				.isEqualTo(IndexType.NONE);
		});
	}

	@Test
	void hibernatePropertiesCustomizerPassesBinaryTransferOffByDefault() {
		this.contextRunner.run((context) -> {
			Map<String, Object> hibernateProperties = new HashMap<>();
			context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
			assertThat(VectorJpaSettings.binaryTransfer(hibernateProperties)).isFalse();
		});
		this.contextRunner.withPropertyValues("vector-jpa.binary-transfer=true").run((context) -> {
			Map<String, Object> hibernateProperties = new HashMap<>();
			context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
			assertThat(hibernateProperties).containsEntry(VectorJpaSettings.BINARY_TRANSFER, true);
			assertThat(VectorJpaSettings.binaryTransfer(hibernateProperties)).isTrue();
		});
	}

	@Test
	void hibernatePropertiesCustomizerHandsTheDomainResolverAndRowLevelSecurityToHibernate() {
		this.contextRunner.withPropertyValues("vector-jpa.domain=acme", "vector-jpa.domain-row-level-security=true")
			.run((context) -> {
				Map<String, Object> hibernateProperties = new HashMap<>();
				context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
				assertThat(hibernateProperties).containsEntry(VectorJpaSettings.DOMAIN_RESOLVER,
						context.getBean(DomainResolver.class))
					.containsEntry(VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY, true);
				assertThat(context.getBean(DomainResolver.class).currentDomain()).contains("acme");
				assertThat(context).hasSingleBean(DomainEvaluationContextExtension.class);
			});
	}

	@Test
	void hibernatePropertiesCustomizerLeavesHibernatesOwnTenantResolverAlone() {
		this.contextRunner.run((context) -> {
			Map<String, Object> hibernateProperties = new HashMap<>();
			hibernateProperties.put("hibernate.tenant_identifier_resolver", "com.example.Resolver");
			context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
			assertThat(hibernateProperties).doesNotContainKey(VectorJpaSettings.DOMAIN_RESOLVER);
		});
	}

	@Test
	void hibernatePropertiesCustomizerKeepsExplicitHibernateProperties() {
		this.contextRunner.withPropertyValues("vector-jpa.dimensions=384").run((context) -> {
			Map<String, Object> hibernateProperties = new HashMap<>();
			hibernateProperties.put(VectorJpaSettings.DIMENSIONS, "768");
			context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
			assertThat(hibernateProperties).containsEntry(VectorJpaSettings.DIMENSIONS, "768");
		});
	}

	@Test
	void hibernatePropertiesCustomizerLeavesDimensionsUnsetByDefault() {
		this.contextRunner.run((context) -> {
			Map<String, Object> hibernateProperties = new HashMap<>();
			context.getBean(HibernatePropertiesCustomizer.class).customize(hibernateProperties);
			assertThat(hibernateProperties).doesNotContainKey(VectorJpaSettings.DIMENSIONS)
				.containsEntry(VectorJpaSettings.METRIC, Metric.COSINE);
		});
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner.withPropertyValues("vector-jpa.dimensions=768", "vector-jpa.metric=inner-product",
				"vector-jpa.domain=tenant-a", "vector-jpa.domain-row-level-security=true",
				"vector-jpa.create-extension=false", "vector-jpa.validate-schema=false", "vector-jpa.index.type=hnsw",
				"vector-jpa.index.auto-create=true", "vector-jpa.index.min-rows=50", "vector-jpa.index.concurrently=true",
				"vector-jpa.index.hnsw.m=32", "vector-jpa.index.hnsw.ef-construction=128",
				"vector-jpa.index.ivfflat.lists=100", "vector-jpa.index.maintenance-work-mem=2GB",
				"vector-jpa.store.enabled=true", "vector-jpa.store.schema=vectors", "vector-jpa.store.table=docs",
				"vector-jpa.store.id-type=text", "vector-jpa.store.auto-create-table=false",
				"vector-jpa.store.columns.id=pk", "vector-jpa.store.columns.embedding=vec",
				"vector-jpa.store.columns.content=body", "vector-jpa.store.columns.metadata=meta",
				"vector-jpa.store.columns.domain-id=tenant", "vector-jpa.store.columns.document-id=doc",
				"vector-jpa.store.columns.chunk-index=chunk", "vector-jpa.store.columns.created-at=created")
			.run((context) -> {
				VectorJpaProperties properties = context.getBean(VectorJpaProperties.class);
				assertThat(properties.getDimensions()).isEqualTo(768);
				assertThat(properties.getMetric()).isEqualTo(Metric.INNER_PRODUCT);
				assertThat(properties.getDomain()).isEqualTo("tenant-a");
				assertThat(properties.isDomainRowLevelSecurity()).isTrue();
				assertThat(properties.isCreateExtension()).isFalse();
				assertThat(properties.isValidateSchema()).isFalse();
				VectorJpaProperties.Index index = properties.getIndex();
				assertThat(index.getType()).isEqualTo(IndexType.HNSW);
				assertThat(index.isAutoCreate()).isTrue();
				assertThat(index.getMinRows()).isEqualTo(50);
				assertThat(index.isConcurrently()).isTrue();
				assertThat(index.getHnsw().getM()).isEqualTo(32);
				assertThat(index.getHnsw().getEfConstruction()).isEqualTo(128);
				assertThat(index.getIvfflat().getLists()).isEqualTo(100);
				assertThat(index.getMaintenanceWorkMem()).isEqualTo(DataSize.ofGigabytes(2));
				VectorJpaProperties.Store store = properties.getStore();
				assertThat(store.isEnabled()).isTrue();
				assertThat(store.getSchema()).isEqualTo("vectors");
				assertThat(store.getTable()).isEqualTo("docs");
				assertThat(store.getIdType()).isEqualTo(IdType.TEXT);
				assertThat(store.isAutoCreateTable()).isFalse();
				VectorJpaProperties.Columns columns = store.getColumns();
				assertThat(columns.getId()).isEqualTo("pk");
				assertThat(columns.getEmbedding()).isEqualTo("vec");
				assertThat(columns.getContent()).isEqualTo("body");
				assertThat(columns.getMetadata()).isEqualTo("meta");
				assertThat(columns.getDomainId()).isEqualTo("tenant");
				assertThat(columns.getDocumentId()).isEqualTo("doc");
				assertThat(columns.getChunkIndex()).isEqualTo("chunk");
				assertThat(columns.getCreatedAt()).isEqualTo("created");
			});
	}

	@Test
	void defaultValuesAreConsistent() throws Exception {
		VectorJpaProperties properties = new VectorJpaProperties();
		VectorColumn unset = Annotated.class.getDeclaredField("embedding").getAnnotation(VectorColumn.class);
		// The metric default is the one core applies when nothing is configured.
		assertThat(properties.getMetric()).isEqualTo(VectorJpaSettings.metric(unset, Map.of(), "Annotated.embedding"));
		assertThat(properties.getDimensions()).isNull();
		assertThat(properties.getDomain()).isNull();
		assertThat(DomainResolver.fixed(properties.getDomain()).currentDomain())
			.isEqualTo(DomainResolver.none().currentDomain());
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.isCreateExtension()).isTrue();
		assertThat(properties.isValidateSchema()).isTrue();
		assertThat(properties.isDomainRowLevelSecurity()).isFalse();
		VectorJpaProperties.Index index = properties.getIndex();
		assertThat(index.getType()).isEqualTo(IndexType.NONE);
		assertThat(index.isAutoCreate()).isFalse();
		assertThat(index.getMinRows()).isEqualTo(1000);
		assertThat(index.isConcurrently()).isFalse();
		assertThat(index.getMaintenanceWorkMem()).isNull();
		assertThat(index.getIvfflat().getLists()).isNull();
		assertThat(index.getHnsw().getM()).isEqualTo(16);
		assertThat(index.getHnsw().getEfConstruction()).isEqualTo(64);
		IndexParams.validateHnsw(index.getHnsw().getM(), index.getHnsw().getEfConstruction());
		VectorJpaProperties.Search search = properties.getSearch();
		assertThat(search.getEfSearch()).isNull();
		assertThat(search.getProbes()).isNull();
		assertThat(search.getIterativeScan()).isNull();
		assertThat(search.getMaxScanTuples()).isNull();
		assertThat(search.getFilterStrategy()).isEqualTo(SearchOptions.none().filterStrategy());
		VectorJpaProperties.Store store = properties.getStore();
		assertThat(store.isEnabled()).isFalse();
		assertThat(store.getSchema()).isEqualTo("public");
		assertThat(store.getTable()).isEqualTo("knowledge_embeddings");
		assertThat(store.getIdType()).isEqualTo(IdType.UUID);
		assertThat(store.isAutoCreateTable()).isTrue();
		VectorJpaProperties.Columns columns = store.getColumns();
		assertThat(columns.getId()).isEqualTo("id");
		assertThat(columns.getEmbedding()).isEqualTo("embedding");
		assertThat(columns.getContent()).isEqualTo("content");
		assertThat(columns.getMetadata()).isEqualTo("metadata");
		assertThat(columns.getDomainId()).isEqualTo("domain_id");
		assertThat(columns.getDocumentId()).isEqualTo("document_id");
		assertThat(columns.getChunkIndex()).isEqualTo("chunk_index");
		assertThat(columns.getCreatedAt()).isEqualTo("created_at");
	}

	@Test
	void observationsReportToTheObservationRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			VectorJpaObservations observations = context.getBean(VectorJpaObservations.class);
			assertThat(observations).isInstanceOf(MicrometerVectorJpaObservations.class);
			assertThat(observations.search("Document", Metric.COSINE, IndexType.HNSW, () -> 42)).isEqualTo(42);
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo(VectorJpaObservations.NAME)
				.that()
				.hasContextualNameEqualTo("query Document")
				.hasLowCardinalityKeyValue(VectorJpaObservations.DB_OPERATION_NAME, "query")
				.hasLowCardinalityKeyValue(VectorJpaObservations.DB_SYSTEM_NAME, "postgresql")
				.hasLowCardinalityKeyValue(VectorJpaObservations.DB_SYSTEM, "pg_vector")
				.hasLowCardinalityKeyValue(VectorJpaObservations.DB_COLLECTION_NAME, "Document")
				.hasLowCardinalityKeyValue(VectorJpaObservations.DB_SEARCH_SIMILARITY_METRIC, "cosine")
				.hasLowCardinalityKeyValue(VectorJpaObservations.ENTITY_KEY, "Document")
				.hasLowCardinalityKeyValue(VectorJpaObservations.METRIC_KEY, "cosine")
				.hasLowCardinalityKeyValue(VectorJpaObservations.INDEX_TYPE_KEY, "hnsw")
				.hasBeenStarted()
				.hasBeenStopped();
		});
	}

	@Test
	void searchObservationsCarryTheStrategyTheSearchRan() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			VectorJpaObservations observations = context.getBean(VectorJpaObservations.class);
			Integer result = observations.search("Document", Metric.COSINE, IndexType.HNSW, (strategy) -> {
				strategy.accept("auto-exact");
				return 42;
			});
			assertThat(result).isEqualTo(42);
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo(VectorJpaObservations.NAME)
				.that()
				.hasLowCardinalityKeyValue(VectorJpaObservations.DB_OPERATION_NAME, VectorJpaObservations.SEARCH)
				.hasLowCardinalityKeyValue(VectorJpaObservations.ENTITY_KEY, "Document")
				.hasLowCardinalityKeyValue(VectorJpaObservations.STRATEGY_KEY, "auto-exact")
				.hasBeenStopped();
		});
	}

	@Test
	void observationsRecordFailuresAndRethrow() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			VectorJpaObservations observations = context.getBean(VectorJpaObservations.class);
			IllegalStateException failure = new IllegalStateException("boom");
			assertThatIllegalStateException().isThrownBy(() -> observations.bulkInsert("Document", () -> {
				throw failure;
			})).isSameAs(failure);
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo(VectorJpaObservations.NAME)
				.that()
				.hasLowCardinalityKeyValue(VectorJpaObservations.DB_OPERATION_NAME, "add")
				.hasLowCardinalityKeyValue(VectorJpaObservations.ENTITY_KEY, "Document")
				.hasLowCardinalityKeyValue(VectorJpaObservations.METRIC_KEY, "none")
				.hasLowCardinalityKeyValue(VectorJpaObservations.INDEX_TYPE_KEY, "none")
				.hasError(failure);
		});
	}

	@Test
	void indexBuildsAreObserved() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			context.getBean(VectorJpaObservations.class)
				.indexBuild("Document", Metric.INNER_PRODUCT, IndexType.IVFFLAT, () -> {
				});
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo(VectorJpaObservations.NAME)
				.that()
				.hasLowCardinalityKeyValue(VectorJpaObservations.DB_OPERATION_NAME, "create_index")
				.hasLowCardinalityKeyValue(VectorJpaObservations.METRIC_KEY, "inner_product")
				.hasLowCardinalityKeyValue(VectorJpaObservations.INDEX_TYPE_KEY, "ivfflat")
				.hasBeenStopped();
		});
	}

	@Test
	void observationsAreNoopWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context.getBean(VectorJpaObservations.class))
				.isSameAs(VectorJpaObservations.noop()));
	}

	@Test
	void databaseBeansNeedADataSource() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(VectorJpaExtensionInitializer.class);
			assertThat(context).doesNotHaveBean(VectorJpaSchemaValidation.class);
			assertThat(context).doesNotHaveBean(VectorJpaHealthIndicator.class);
		});
	}

	@Test
	void createExtensionCanBeSwitchedOff() {
		this.contextRunner.withBean(DriverManagerDataSource.class, () -> new DriverManagerDataSource("jdbc:none"))
			.withPropertyValues("vector-jpa.create-extension=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(VectorJpaExtensionInitializer.class));
	}

	@Test
	void registersHealthIndicatorWithADataSource() {
		this.contextRunner.withBean(DriverManagerDataSource.class, () -> new DriverManagerDataSource("jdbc:none"))
			.withPropertyValues("vector-jpa.create-extension=false")
			.run((context) -> assertThat(context).hasSingleBean(VectorJpaHealthIndicator.class)
				.hasBean("vectorJpaHealthIndicator"));
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withBean(DriverManagerDataSource.class, () -> new DriverManagerDataSource("jdbc:none"))
			.withPropertyValues("vector-jpa.create-extension=false", "management.health.vectorjpa.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(VectorJpaHealthIndicator.class));
	}

	@Test
	void healthIndicatorBacksOffWithoutSpringBootHealth() {
		this.contextRunner.withBean(DriverManagerDataSource.class, () -> new DriverManagerDataSource("jdbc:none"))
			.withPropertyValues("vector-jpa.create-extension=false")
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(VectorJpaHealthIndicator.class));
	}

	@Test
	void indexManagerTakesIndexProperties() {
		this.contextRunner.withBean(DriverManagerDataSource.class, () -> new DriverManagerDataSource("jdbc:none"))
			.withPropertyValues("vector-jpa.create-extension=false", "vector-jpa.index.type=ivfflat",
					"vector-jpa.index.min-rows=50", "vector-jpa.index.hnsw.m=24", "vector-jpa.index.hnsw.ef-construction=80",
					"vector-jpa.index.ivfflat.lists=40", "vector-jpa.index.maintenance-work-mem=1GB")
			.run((context) -> {
				VectorIndexSettings settings = context.getBean(VectorIndexManager.class).settings();
				assertThat(settings.defaultType()).isEqualTo(IndexType.IVFFLAT);
				assertThat(settings.minRows()).isEqualTo(50);
				assertThat(settings.hnswM()).isEqualTo(24);
				assertThat(settings.hnswEfConstruction()).isEqualTo(80);
				assertThat(settings.ivfflatLists()).isEqualTo(40);
				assertThat(settings.maintenanceWorkMem()).isEqualTo("1048576kB");
				assertThat(settings.autoCreate()).isFalse();
			});
	}

	@Test
	void storeNeedsToBeEnabled() {
		this.contextRunner.withBean(DriverManagerDataSource.class, () -> new DriverManagerDataSource("jdbc:none"))
			.withPropertyValues("vector-jpa.create-extension=false", "vector-jpa.dimensions=3")
			.run((context) -> assertThat(context).doesNotHaveBean(VectorStore.class));
	}

	@Test
	void storeWithoutDimensionsFailsStartUp() {
		this.contextRunner.withBean(DriverManagerDataSource.class, () -> new DriverManagerDataSource("jdbc:none"))
			.withPropertyValues("vector-jpa.create-extension=false", "vector-jpa.store.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("vector-jpa.store.enabled=true needs vector-jpa.dimensions"));
	}

	@Test
	void schemaValidationFeaturesFollowTheConfiguration() {
		VectorJpaProperties properties = new VectorJpaProperties();
		assertThat(VectorJpaSchemaValidation.features(properties)).isEmpty();
		properties.getSearch().setIterativeScan(IterativeScan.STRICT_ORDER);
		properties.getSearch().setMaxScanTuples(1000);
		properties.getIndex().setType(IndexType.HNSW);
		properties.setMetric(Metric.L1);
		assertThat(VectorJpaSchemaValidation.features(properties)).containsExactly(
				Map.entry("vector-jpa.search.iterative-scan", "0.8.0"),
				Map.entry("vector-jpa.search.max-scan-tuples", "0.8.0"),
				Map.entry("vector-jpa.index.type=hnsw", "0.5.0"), Map.entry("vector-jpa.metric=l1", "0.7.0"));
	}

	static class Annotated {

		@VectorColumn
		float[] embedding;

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final VectorJpaObservations OBSERVATIONS = new MicrometerVectorJpaObservations(ObservationRegistry.NOOP);

		@Bean
		DomainResolver userDomainResolver() {
			return DomainResolver.fixed("from-user");
		}

		@Bean(VectorJpaAutoConfiguration.SEARCH_OPTIONS_BEAN_NAME)
		SearchOptions userSearchOptions() {
			return SearchOptions.builder().probes(7).build();
		}

		@Bean
		VectorJpaObservations userObservations() {
			return OBSERVATIONS;
		}

	}

}
