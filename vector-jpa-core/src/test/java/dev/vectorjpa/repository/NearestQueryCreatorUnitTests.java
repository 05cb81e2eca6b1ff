package dev.vectorjpa.repository;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.repository.query.CriterionParameter;
import dev.vectorjpa.repository.query.NearestQueryCreator;
import dev.vectorjpa.repository.query.NearestQueryMethod;
import dev.vectorjpa.repository.query.NearestSql;
import dev.vectorjpa.repository.query.QueryScope;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.Similarity;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.data.repository.core.support.DefaultRepositoryMetadata;
import org.springframework.data.repository.query.parser.Part;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Method name and parameters to SQL text, with Hibernate's metamodel booted offline (no database), in the manner of
 * Spring Data JPA's {@code JpaQueryCreatorTests}.
 */
class NearestQueryCreatorUnitTests {

	private static final String SELECT = "SELECT t.*, t.embedding <=> cast(:vjpa_query as vector) AS vjpa_distance "
			+ "FROM document t";

	private static final String DISTANCE = "t.embedding <=> cast(:vjpa_query as vector)";

	private static final String NOT_NULL = "t.embedding IS NOT NULL";

	private static final String ORDER = " ORDER BY vjpa_distance LIMIT :vjpa_limit";

	private static EntityManagerFactory entityManagerFactory;

	@BeforeAll
	static void bootHibernateWithoutDatabase() {
		entityManagerFactory = new HibernatePersistenceConfiguration("offline")
			.managedClasses(Document.class, Author.class, MultiMetricItem.class)
			.property(AvailableSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect")
			.property("hibernate.boot.allow_jdbc_metadata_access", "false")
			.property(AvailableSettings.HBM2DDL_AUTO, "none")
			.createEntityManagerFactory();
	}

	@AfterAll
	static void close() {
		entityManagerFactory.close();
	}

	@Test
	void noCriteria() {
		assertThat(sql("findNearestBy", float[].class, int.class))
			.isEqualTo(SELECT + " WHERE " + NOT_NULL + ORDER);
	}

	@Test
	void simplePropertyNotInAndNotIn() {
		assertCriteria("findNearestByCategory", "t.category = :p1", String.class);
		assertCriteria("findNearestByCategoryNot", "t.category <> :p1", String.class);
		assertCriteria("findNearestByCategoryIn", "t.category IN (:p1)", Collection.class);
		assertCriteria("findNearestByCategoryNotIn", "t.category NOT IN (:p1)", Collection.class);
		assertCriteria("findNearestByCategoryIgnoreCase", "upper(t.category) = upper(:p1)", String.class);
	}

	@Test
	void comparisons() {
		assertCriteria("findNearestByPriceLessThan", "t.price < :p1", int.class);
		assertCriteria("findNearestByPriceLessThanEqual", "t.price <= :p1", int.class);
		assertCriteria("findNearestByPriceGreaterThan", "t.price > :p1", int.class);
		assertCriteria("findNearestByPriceGreaterThanEqual", "t.price >= :p1", int.class);
		assertCriteria("findNearestByPriceBetween", "t.price BETWEEN :p1 AND :p2", int.class, int.class);
		assertCriteria("findNearestByCreatedOnAfter", "t.createdOn > :p1", LocalDate.class);
		assertCriteria("findNearestByCreatedOnBefore", "t.createdOn < :p1", LocalDate.class);
	}

	@Test
	void likeFamily() {
		assertCriteria("findNearestByTitleLike", "t.title LIKE :p1 ESCAPE '\\'", String.class);
		assertCriteria("findNearestByTitleNotLike", "t.title NOT LIKE :p1 ESCAPE '\\'", String.class);
		assertCriteria("findNearestByTitleContaining", "t.title LIKE :p1 ESCAPE '\\'", String.class);
		assertCriteria("findNearestByTitleNotContaining", "t.title NOT LIKE :p1 ESCAPE '\\'", String.class);
		assertCriteria("findNearestByTitleContainingIgnoreCase", "upper(t.title) LIKE upper(:p1) ESCAPE '\\'",
				String.class);
		assertCriteria("findNearestByTitleStartingWith", "t.title LIKE :p1 ESCAPE '\\'", String.class);
		assertCriteria("findNearestByTitleEndingWith", "t.title LIKE :p1 ESCAPE '\\'", String.class);
	}

	@Test
	void likeValuesGetWildcardsAndEscapes() {
		assertThat(parameter("findNearestByTitleContaining", String.class).bindValue("50%_\\x"))
			.isEqualTo("%50\\%\\_\\\\x%");
		assertThat(parameter("findNearestByTitleStartingWith", String.class).bindValue("ab")).isEqualTo("ab%");
		assertThat(parameter("findNearestByTitleEndingWith", String.class).bindValue("ab")).isEqualTo("%ab");
		assertThat(parameter("findNearestByTitleLike", String.class).bindValue("a%b")).isEqualTo("a%b");
	}

	@Test
	void nullAndBooleans() {
		assertCriteria("findNearestByNoteIsNull", "t.note IS NULL");
		assertCriteria("findNearestByNoteIsNotNull", "t.note IS NOT NULL");
		assertCriteria("findNearestByPublishedTrue", "t.published = true");
		assertCriteria("findNearestByPublishedFalse", "t.published = false");
	}

	@Test
	void embeddableAndToOneJoin() {
		assertCriteria("findNearestByAddressCity", "t.city = :p1", String.class);
		assertThat(sql("findNearestByAuthorNameAndAddressCity", float[].class, String.class, String.class, int.class))
			.isEqualTo("SELECT t.*, " + DISTANCE + " AS vjpa_distance FROM document t LEFT JOIN Author j1 ON "
					+ "j1.id = t.author_id WHERE j1.name = :p1 AND t.city = :p2 AND " + NOT_NULL + ORDER);
	}

	@Test
	void andBindsTighterThanOr() {
		assertCriteria("findNearestByCategoryAndPriceGreaterThan", "t.category = :p1 AND t.price > :p2", String.class,
				int.class);
		assertCriteria("findNearestByCategoryOrPriceLessThan", "((t.category = :p1) OR (t.price < :p2))",
				String.class, int.class);
		assertCriteria("findNearestByCategoryAndPublishedTrueOrPriceLessThan",
				"((t.category = :p1 AND t.published = true) OR (t.price < :p2))", String.class, int.class);
	}

	@Test
	void thresholdsGoIntoTheWhereClause() {
		assertThat(sql("findNearestByCategory", float[].class, String.class, Similarity.class, int.class))
			.isEqualTo(SELECT + " WHERE t.category = :p1 AND " + NOT_NULL + " AND " + DISTANCE
					+ " <= :vjpa_max_distance" + ORDER);
		assertThat(sql("findNearestBy", float[].class, Score.class, int.class))
			.isEqualTo(SELECT + " WHERE " + NOT_NULL + " AND " + DISTANCE + " <= :vjpa_max_distance" + ORDER);
		assertThat(sql("findNearestBy", float[].class, Range.class, Limit.class))
			.isEqualTo(SELECT + " WHERE " + NOT_NULL + " AND " + DISTANCE + " <= :vjpa_max_distance AND " + DISTANCE
					+ " >= :vjpa_min_distance" + ORDER);
	}

	@Test
	void exactSearchOrdersByAnExpressionNoIndexServes() {
		NearestSql sql = create(DocumentRepository.class, method("findNearestBy", float[].class, int.class),
				Document.class);
		assertThat(sql.sql(true)).isEqualTo(SELECT + " WHERE " + NOT_NULL + " ORDER BY (" + DISTANCE
				+ ") + 0 LIMIT :vjpa_limit");
	}

	@Test
	void nearestToPicksTheAttributeAndItsMetricOperator() throws Exception {
		Map<String, String> expected = Map.of("findNearestBy", "t.cosine <=> cast(:vjpa_query as vector)",
				"searchNearestBy", "t.euclidean <-> cast(:vjpa_query as vector)", "streamNearestBy",
				"t.innerProduct <#> cast(:vjpa_query as vector)");
		expected.forEach((name, distance) -> {
			Method method = method(MultiMetricItemRepository.class, name, float[].class, int.class);
			assertThat(create(MultiMetricItemRepository.class, method, MultiMetricItem.class).sql())
				.isEqualTo("SELECT t.*, " + distance + " AS vjpa_distance FROM multi_metric_item t WHERE "
						+ distance.substring(0, distance.indexOf(' ')) + " IS NOT NULL" + ORDER);
		});
		Method taxicab = method(MultiMetricItemRepository.class, "findNearestByCategory", float[].class,
				String.class, int.class);
		assertThat(create(MultiMetricItemRepository.class, taxicab, MultiMetricItem.class).sql())
			.startsWith("SELECT t.*, t.taxicab <+> cast(:vjpa_query as vector) AS vjpa_distance");
		Method half = method(MultiMetricItemRepository.class, "findNearestByCategoryNot", float[].class,
				String.class, int.class);
		assertThat(create(MultiMetricItemRepository.class, half, MultiMetricItem.class).sql())
			.startsWith("SELECT t.*, t.half <-> cast(:vjpa_query as halfvec) AS vjpa_distance");
	}

	@Test
	void sparseAndBitColumnsCastTheQueryToTheirType() {
		EntityColumns columns = EntityColumns.of(entityManagerFactory, Document.class);
		VectorAttribute bits = new VectorAttribute("bits", "bits", "bits", VectorType.BIT, 64, Metric.HAMMING, false,
				null, IndexType.NONE, "Document.bits");
		assertThat(new NearestQueryCreator(columns, bits, QueryScope.NONE).create(null, NearestSql.Threshold.NONE)
			.sql()).isEqualTo("SELECT t.*, t.bits <~> cast(:vjpa_query as bit(64)) AS vjpa_distance FROM document t"
					+ ORDER);
		VectorAttribute jaccard = new VectorAttribute("bits", "bits", "bits", VectorType.BIT, 64, Metric.JACCARD,
				false, null, IndexType.NONE, "Document.bits");
		assertThat(new NearestQueryCreator(columns, jaccard, QueryScope.NONE).create(null, NearestSql.Threshold.NONE)
			.sql()).startsWith("SELECT t.*, t.bits <%> cast(:vjpa_query as bit(64))");
		VectorAttribute sparse = new VectorAttribute("terms", "terms", "terms", VectorType.SPARSEVEC, 30000,
				Metric.INNER_PRODUCT, false, null, IndexType.NONE, "Document.terms");
		assertThat(new NearestQueryCreator(columns, sparse, QueryScope.NONE).create(null, NearestSql.Threshold.NONE)
			.sql()).startsWith("SELECT t.*, t.terms <#> cast(:vjpa_query as sparsevec)");
	}

	@Test
	void scopeConditionIsAddedToEveryQuery() {
		Map<String, Object> bound = new java.util.HashMap<>();
		QueryScope tenant = (columns) -> (columns.entityType() != Document.class) ? null
				: new QueryScope.Condition() {

					@Override
					public String sql() {
						return columns.resolve("category").expression() + " = :vjpa_scope_domain";
					}

					@Override
					public void bind(BiConsumer<String, Object> binder) {
						binder.accept("vjpa_scope_domain", "tenant-1");
					}

				};
		EntityColumns columns = EntityColumns.of(entityManagerFactory, Document.class);
		VectorAttribute attribute = VectorEntityMetadata.of(entityManagerFactory, Document.class)
			.vectorAttribute(null);
		NearestQueryCreator creator = new NearestQueryCreator(columns, attribute, tenant);
		NearestSql sql = creator.create(null, NearestSql.Threshold.NONE);
		assertThat(sql.sql()).isEqualTo(SELECT + " WHERE t.category = :vjpa_scope_domain AND " + NOT_NULL + ORDER);
		sql.scope().bind(bound::put);
		assertThat(bound).containsExactly(Map.entry("vjpa_scope_domain", "tenant-1"));
		assertThat(creator.createCount().sql("x = 1")).isEqualTo("SELECT count(*) FROM document t WHERE "
				+ "t.category = :vjpa_scope_domain AND x = 1");
		assertThat(new NearestQueryCreator(columns, attribute, QueryScope.NONE).createCount().sql("x = 1"))
			.isEqualTo("SELECT count(*) FROM document t WHERE x = 1");
	}

	@Test
	void unknownPathsAndCollectionsAreRejected() {
		EntityColumns columns = EntityColumns.of(entityManagerFactory, Document.class);
		assertThatIllegalArgumentException().isThrownBy(() -> columns.resolve("address.zip"))
			.withMessage("No attribute 'zip' in Address (path 'address.zip')");
		assertThatIllegalArgumentException().isThrownBy(() -> columns.resolve("author"))
			.withMessage("Attribute 'author' of dev.vectorjpa.repository.Document cannot be compared with a value; "
					+ "name one of its attributes (e.g. 'author.id')");
	}

	private void assertCriteria(String name, String criteria, Class<?>... criteriaTypes) {
		Class<?>[] types = new Class<?>[criteriaTypes.length + 2];
		types[0] = float[].class;
		System.arraycopy(criteriaTypes, 0, types, 1, criteriaTypes.length);
		types[types.length - 1] = int.class;
		assertThat(sql(name, types)).as(name).isEqualTo(SELECT + " WHERE " + criteria + " AND " + NOT_NULL + ORDER);
	}

	private static CriterionParameter parameter(String name, Class<?> type) {
		List<CriterionParameter> criteria = create(DocumentRepository.class,
				method(name, float[].class, type, int.class), Document.class)
			.criteria();
		assertThat(criteria).hasSize(1);
		assertThat(criteria.get(0).type()).isNotEqualTo(Part.Type.NEAR);
		return criteria.get(0);
	}

	private static String sql(String name, Class<?>... types) {
		return create(DocumentRepository.class, method(name, types), Document.class).sql();
	}

	private static Method method(String name, Class<?>... types) {
		return method(DocumentRepository.class, name, types);
	}

	private static Method method(Class<?> repository, String name, Class<?>... types) {
		try {
			return repository.getMethod(name, types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static NearestSql create(Class<?> repository, Method method, Class<?> entity) {
		NearestQueryMethod queryMethod = new NearestQueryMethod(method, new DefaultRepositoryMetadata(repository),
				new SpelAwareProxyProjectionFactory());
		VectorAttribute attribute = VectorEntityMetadata.of(entityManagerFactory, entity)
			.vectorAttribute(queryMethod.getNearestTo());
		return new NearestQueryCreator(EntityColumns.of(entityManagerFactory, entity), attribute, QueryScope.NONE)
			.create(queryMethod.getTree(), queryMethod.getParameters().getThreshold());
	}

}
