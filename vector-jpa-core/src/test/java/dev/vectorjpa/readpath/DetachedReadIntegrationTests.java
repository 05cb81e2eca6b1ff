package dev.vectorjpa.readpath;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.Metric;
import dev.vectorjpa.readpath.FallbackRepositories.AnimalRepository;
import dev.vectorjpa.readpath.FallbackRepositories.NestedRowRepository;
import dev.vectorjpa.repository.MetadataFilter;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.TestVectors;
import dev.vectorjpa.repository.query.NearestQueryExecutor;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.repository.Repository;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Searches outside a transaction build the entities of a flat mapping from their rows, without Hibernate's
 * native-query machinery: the entities are equal, attribute by attribute, to those Hibernate's loader builds inside a
 * transaction (and to those written), for every kind of basic attribute and criterion; mappings the row reader does
 * not reproduce (embeddables, associations, inheritance) keep Hibernate's loader and return the same entities as it.
 * On a pool of one connection.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetachedReadIntegrationTests {

	private final ListAppender<ILoggingEvent> startup = new ListAppender<>();

	private final Logger executorLogger = (Logger) LoggerFactory.getLogger(NearestQueryExecutor.class);

	private final List<FlatRow> flat = new ArrayList<>();

	private final List<NestedRow> nested = new ArrayList<>();

	private final List<Animal> animals = new ArrayList<>();

	private HikariDataSource dataSource;

	private EntityManagerFactory entityManagerFactory;

	private TransactionTemplate transaction;

	private TransactionTemplate readOnlyTransaction;

	private FlatRowRepository flatRows;

	private NestedRowRepository nestedRows;

	private AnimalRepository animalRepository;

	@BeforeAll
	void setUp(TestSchema schema) {
		this.startup.start();
		this.executorLogger.addAppender(this.startup);
		this.executorLogger.setLevel(Level.DEBUG);
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(schema.jdbcUrl());
		this.dataSource.setMaximumPoolSize(1);
		this.entityManagerFactory = new HibernatePersistenceConfiguration("detached")
			.managedClasses(FlatRow.class, NestedRow.class, NestedRow.Owner.class, Animal.class, Animal.Cat.class,
					Animal.Dog.class)
			.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, this.dataSource)
			.property(AvailableSettings.HBM2DDL_AUTO, "create-drop")
			.createEntityManagerFactory();
		JpaTransactionManager transactionManager = new JpaTransactionManager(this.entityManagerFactory);
		this.transaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction.setReadOnly(true);
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("transactionManager", transactionManager);
		this.flatRows = repository(FlatRowRepository.class, beanFactory);
		this.nestedRows = repository(NestedRowRepository.class, beanFactory);
		this.animalRepository = repository(AnimalRepository.class, beanFactory);
		Random random = new Random(15);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		for (long i = 1; i <= 60; i++) {
			FlatRow row = new FlatRow();
			row.id = i;
			row.title = "Title " + i;
			row.moodOrdinal = FlatRow.Mood.values()[random.nextInt(3)];
			row.moodName = FlatRow.Mood.values()[random.nextInt(3)];
			row.code = new FlatRow.Code("c" + random.nextInt(3));
			row.metadata = Map.of("color", random.nextBoolean() ? "red" : "blue", "rank", (int) i);
			row.price = BigDecimal.valueOf(random.nextInt(10_000), 2);
			row.created = now.minusSeconds(i * 3_601);
			row.day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60));
			row.reference = UUID.randomUUID();
			row.payload = new byte[] { (byte) i, 0, (byte) -i };
			row.flag = random.nextBoolean();
			row.optional = (i % 3 == 0) ? null : (int) i * 7;
			row.embedding = ReadPathMatrix.vector(random);
			this.flat.add(row);
		}
		List<NestedRow.Owner> owners = new ArrayList<>();
		for (long i = 1; i <= 3; i++) {
			NestedRow.Owner owner = new NestedRow.Owner();
			owner.id = i;
			owner.name = "owner " + i;
			owners.add(owner);
		}
		for (long i = 1; i <= 30; i++) {
			NestedRow row = new NestedRow();
			row.id = i;
			row.address = new NestedRow.Address();
			row.address.street = i + " Main Street";
			row.address.city = (i % 2 == 0) ? "Lyon" : null;
			row.owner = owners.get((int) (i % 3));
			row.embedding = ReadPathMatrix.vector(random);
			this.nested.add(row);
			Animal animal;
			if (i % 2 == 0) {
				Animal.Cat cat = new Animal.Cat();
				cat.lives = (int) i % 9;
				animal = cat;
			}
			else {
				Animal.Dog dog = new Animal.Dog();
				dog.breed = "breed " + i;
				animal = dog;
			}
			animal.id = i;
			animal.name = "animal " + i;
			animal.embedding = ReadPathMatrix.vector(random);
			this.animals.add(animal);
		}
		var entityManager = SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory);
		this.transaction.executeWithoutResult((status) -> {
			owners.forEach(entityManager::persist);
			this.flatRows.saveAll(this.flat);
			this.nestedRows.saveAll(this.nested);
			this.animalRepository.saveAll(this.animals);
		});
	}

	@AfterAll
	void tearDown() {
		this.executorLogger.detachAppender(this.startup);
		this.executorLogger.setLevel(null);
		this.entityManagerFactory.close();
		this.dataSource.close();
	}

	@Test
	void startUpSaysWhichEntitiesAreBuiltFromTheirRows() {
		// every search of an entity shares its executor's decision: one line per executor, for the derived ones too
		this.flatRows.findNearestByMoodName(new float[] { 1, 0, 0, 0 }, FlatRow.Mood.CALM, 1);
		this.nestedRows.findNearest(new float[] { 1, 0, 0, 0 }, 1);
		this.animalRepository.findNearest(new float[] { 1, 0, 0, 0 }, 1);
		assertThat(this.startup.list).extracting(ILoggingEvent::getFormattedMessage)
			.contains("FlatRow: searches outside a transaction build entities from their rows (flat mapping)",
					"NestedRow: searches outside a transaction build entities with Hibernate's loader "
							+ "(attribute 'address' is not a basic column)",
					"Animal: searches outside a transaction build entities with Hibernate's loader "
							+ "(it is part of an inheritance hierarchy)");
	}

	@ParameterizedTest
	@EnumSource
	void flatEntitiesEqualHibernatesInsideAndOutsideTransactions(FlatSearch search) {
		Random random = new Random(search.ordinal() + 100);
		for (int round = 0; round < 8; round++) {
			float[] query = ReadPathMatrix.vector(random);
			List<Nearest<FlatRow>> outside = search.run(this.flatRows, query);
			List<Nearest<FlatRow>> readOnly = this.readOnlyTransaction.execute((status) -> search.run(this.flatRows, query));
			List<Nearest<FlatRow>> readWrite = this.transaction.execute((status) -> search.run(this.flatRows, query));
			List<FlatRow> expected = nearestFirst(this.flat, search.filter, query, (row) -> row.embedding);
			assertThat(expected).isNotEmpty();
			for (List<Nearest<FlatRow>> found : List.of(outside, readOnly, readWrite)) {
				assertThat(found).extracting((nearest) -> nearest.entity().id)
					.containsExactlyElementsOf(expected.stream().map((row) -> row.id).toList());
			}
			for (int i = 0; i < expected.size(); i++) {
				FlatRow built = outside.get(i).entity();
				assertThat(built).usingRecursiveComparison().isEqualTo(readOnly.get(i).entity());
				assertThat(built).usingRecursiveComparison().isEqualTo(readWrite.get(i).entity());
				// as written, version 0 after the insert, and one @PostLoad call
				assertThat(built).usingRecursiveComparison().ignoringFields("postLoads").isEqualTo(expected.get(i));
				assertThat(built.version).isZero();
				assertThat(built.postLoads).isEqualTo(1);
				assertThat(outside.get(i).distance()).isEqualTo(readOnly.get(i).distance());
				assertThat(outside.get(i).distance()).isCloseTo(
						TestVectors.distance(Metric.COSINE, expected.get(i).embedding, query), offset(1e-5));
			}
		}
	}

	@Test
	void embeddablesAndLazyAssociationsKeepHibernatesLoader() {
		Random random = new Random(7);
		for (int round = 0; round < 8; round++) {
			float[] query = ReadPathMatrix.vector(random);
			List<Nearest<NestedRow>> outside = this.nestedRows.findNearest(query, 5);
			List<Nearest<NestedRow>> inside = this.readOnlyTransaction.execute((status) -> {
				List<Nearest<NestedRow>> found = this.nestedRows.findNearest(query, 5);
				// read the lazy association's state inside the transaction, before it ends
				found.forEach((nearest) -> assertThat(this.entityManagerFactory.getPersistenceUnitUtil()
					.isLoaded(nearest.entity().owner)).isFalse());
				return found;
			});
			List<NestedRow> expected = nearestFirst(this.nested, (row) -> true, query, (row) -> row.embedding);
			for (int i = 0; i < 5; i++) {
				NestedRow built = outside.get(i).entity();
				assertThat(built.id).isEqualTo(expected.get(i).id).isEqualTo(inside.get(i).entity().id);
				assertThat(built.address).usingRecursiveComparison().isEqualTo(expected.get(i).address);
				assertThat(this.entityManagerFactory.getPersistenceUnitUtil().isLoaded(built.owner)).isFalse();
				assertThat(this.entityManagerFactory.getPersistenceUnitUtil().getIdentifier(built.owner))
					.isEqualTo(expected.get(i).owner.id);
				assertThat(built.embedding).containsExactly(expected.get(i).embedding);
			}
		}
	}

	@Test
	void subclassesKeepHibernatesLoader() {
		Random random = new Random(8);
		for (int round = 0; round < 8; round++) {
			float[] query = ReadPathMatrix.vector(random);
			List<Nearest<Animal>> outside = this.animalRepository.findNearest(query, 5);
			List<Nearest<Animal>> inside = this.readOnlyTransaction
				.execute((status) -> this.animalRepository.findNearest(query, 5));
			List<Animal> expected = nearestFirst(this.animals, (row) -> true, query, (row) -> row.embedding);
			for (int i = 0; i < 5; i++) {
				Animal built = outside.get(i).entity();
				assertThat(built).isExactlyInstanceOf(expected.get(i).getClass());
				assertThat(built).usingRecursiveComparison().isEqualTo(expected.get(i));
				assertThat(built).usingRecursiveComparison().isEqualTo(inside.get(i).entity());
			}
		}
	}

	private static <T> List<T> nearestFirst(List<T> rows, Predicate<? super T> filter, float[] query,
			Function<T, float[]> vector) {
		return rows.stream()
			.filter(filter)
			.sorted(Comparator.comparingDouble((T row) -> TestVectors.distance(Metric.COSINE, vector.apply(row), query)))
			.limit(5)
			.toList();
	}

	private <R extends Repository<S, Long>, S> R repository(Class<R> type, DefaultListableBeanFactory beanFactory) {
		VectorRepositoryFactoryBean<R, S, Long> factory = new VectorRepositoryFactoryBean<>(type);
		factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory));
		factory.setBeanFactory(beanFactory);
		factory.afterPropertiesSet();
		return factory.getObject();
	}

	/** A search of {@link FlatRow}s, and the rows it may return. */
	enum FlatSearch {

		INHERITED((rows, query) -> rows.findNearest(query, 5), (row) -> true),
		MOOD_BY_NAME((rows, query) -> rows.findNearestByMoodName(query, FlatRow.Mood.BUSY, 5),
				(row) -> row.moodName == FlatRow.Mood.BUSY),
		MOOD_BY_ORDINAL((rows, query) -> rows.findNearestByMoodOrdinal(query, FlatRow.Mood.ODD, 5),
				(row) -> row.moodOrdinal == FlatRow.Mood.ODD),
		CONVERTED((rows, query) -> rows.findNearestByCode(query, new FlatRow.Code("c1"), 5),
				(row) -> row.code.value().equals("c1")),
		FLAG_AND_DAY((rows, query) -> rows.findNearestByFlagAndDayAfter(query, true, LocalDate.of(2026, 1, 20), 5),
				(row) -> row.flag && row.day.isAfter(LocalDate.of(2026, 1, 20))),
		// a collection criterion is bound by Hibernate's native query
		MOOD_IN((rows, query) -> rows.findNearestByMoodNameIn(query, List.of(FlatRow.Mood.CALM, FlatRow.Mood.ODD), 5),
				(row) -> row.moodName != FlatRow.Mood.BUSY),
		METADATA((rows, query) -> rows.findNearest(query, 5, MetadataFilter.eq("color", "red")),
				(row) -> "red".equals(row.metadata.get("color")));

		final BiFunction<FlatRowRepository, float[], List<Nearest<FlatRow>>> search;

		final Predicate<FlatRow> filter;

		FlatSearch(BiFunction<FlatRowRepository, float[], List<Nearest<FlatRow>>> search, Predicate<FlatRow> filter) {
			this.search = search;
			this.filter = filter;
		}

		List<Nearest<FlatRow>> run(FlatRowRepository rows, float[] query) {
			return this.search.apply(rows, query);
		}

	}

}
