package dev.vectorjpa.index.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.vectorjpa.index.IndexInfo;
import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.index.usage.UsageEntities.CosineItem;
import dev.vectorjpa.index.usage.UsageEntities.CosineItemRepository;
import dev.vectorjpa.index.usage.UsageEntities.EuclideanItem;
import dev.vectorjpa.index.usage.UsageEntities.EuclideanItemRepository;
import dev.vectorjpa.index.usage.UsageEntities.InnerProductItem;
import dev.vectorjpa.index.usage.UsageEntities.InnerProductItemRepository;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes {@link VectorIndexManager#createIndex(Class, IndexType, IndexParams)} builds serve the very statement
 * {@code findNearest} sends (captured by a Hibernate statement inspector and EXPLAINed with its parameters bound),
 * for cosine, Euclidean and inner product; {@code exact(true)} bypasses them; results equal brute force.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexUsageIntegrationTests {

	private static final int ROWS = 400;

	private static final int K = 7;

	private static final int LISTS = 10;

	AnnotationConfigApplicationContext context;

	CapturingStatementInspector inspector;

	VectorIndexManager indexManager;

	@BeforeAll
	void start() {
		this.context = new AnnotationConfigApplicationContext(IndexUsageTestConfiguration.class);
		this.inspector = this.context.getBean(CapturingStatementInspector.class);
		this.indexManager = this.context.getBean(VectorIndexManager.class);
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@Test
	void cosineIndexesServeFindNearest(TestSchema schema) throws Exception {
		List<CosineItem> items = new ArrayList<>();
		for (float[] vector : vectors(1)) {
			CosineItem item = new CosineItem();
			item.id = (long) items.size();
			item.embedding = vector;
			items.add(item);
		}
		checkIndexUse(schema, CosineItem.class, this.context.getBean(CosineItemRepository.class), items,
				(item) -> item.id, (item) -> cosineDistance(item.embedding, query()));
	}

	@Test
	void euclideanIndexesServeFindNearest(TestSchema schema) throws Exception {
		List<EuclideanItem> items = new ArrayList<>();
		for (float[] vector : vectors(2)) {
			EuclideanItem item = new EuclideanItem();
			item.id = (long) items.size();
			item.embedding = vector;
			items.add(item);
		}
		checkIndexUse(schema, EuclideanItem.class, this.context.getBean(EuclideanItemRepository.class), items,
				(item) -> item.id, (item) -> euclideanDistance(item.embedding, query()));
	}

	@Test
	void innerProductIndexesServeFindNearest(TestSchema schema) throws Exception {
		List<InnerProductItem> items = new ArrayList<>();
		for (float[] vector : vectors(3)) {
			InnerProductItem item = new InnerProductItem();
			item.id = (long) items.size();
			item.embedding = vector;
			items.add(item);
		}
		// pgvector's <#> is the negative inner product: smallest first is largest product first
		checkIndexUse(schema, InnerProductItem.class, this.context.getBean(InnerProductItemRepository.class), items,
				(item) -> item.id, (item) -> -dot(item.embedding, query()));
	}

	private <T> void checkIndexUse(TestSchema schema, Class<T> entity, VectorRepository<T, Long> repository,
			List<T> items, Function<T, Long> id, ToDoubleFunction<T> bruteForceDistance) throws Exception {
		assertThat(repository.bulkInsert(items)).isEqualTo(ROWS);
		schema.execute("ANALYZE");
		List<Long> expected = items.stream()
			.sorted(Comparator.comparingDouble(bruteForceDistance))
			.limit(K)
			.map(id)
			.toList();

		assertThat(this.indexManager.createIndex(entity, IndexType.HNSW, IndexParams.hnsw(16, 64))).isTrue();
		String hnsw = onlyIndex(entity);
		assertThat(nearestPlan(schema, repository, SearchOptions.builder().efSearch(200).build())
			.hasIndex(hnsw, expected, id)).isTrue();
		assertThat(nearestPlan(schema, repository, SearchOptions.builder().exact(true).build())
			.hasIndex(hnsw, expected, id)).isFalse();
		assertThat(this.indexManager.dropIndex(entity, IndexType.HNSW)).isTrue();

		assertThat(this.indexManager.createIndex(entity, IndexType.IVFFLAT, IndexParams.ivfflat(LISTS))).isTrue();
		String ivfflat = onlyIndex(entity);
		// probing every list makes the IVFFlat scan exhaustive, so it must return the brute-force order
		assertThat(nearestPlan(schema, repository, SearchOptions.builder().probes(LISTS).build())
			.hasIndex(ivfflat, expected, id)).isTrue();
		assertThat(nearestPlan(schema, repository, SearchOptions.builder().exact(true).build())
			.hasIndex(ivfflat, expected, id)).isFalse();
		assertThat(this.indexManager.dropIndex(entity, IndexType.IVFFLAT)).isTrue();
	}

	private String onlyIndex(Class<?> entity) {
		List<IndexInfo> indexes = this.indexManager.indexes(entity);
		assertThat(indexes).hasSize(1);
		return indexes.get(0).name();
	}

	// Runs findNearest, checks its results against brute force, then EXPLAINs the statement it sent.
	private <T> Plan<T> nearestPlan(TestSchema schema, VectorRepository<T, Long> repository, SearchOptions options)
			throws Exception {
		this.inspector.clear();
		List<Nearest<T>> results = repository.findNearest(query(), K, options);
		String sql = this.inspector.lastNearestQuery();
		return new Plan<>(results, explain(schema, sql));
	}

	private static String explain(TestSchema schema, String sql) throws Exception {
		try (Connection connection = schema.connect()) {
			try (Statement statement = connection.createStatement()) {
				// a small table: without this the planner rightly prefers a sequential scan
				statement.execute("SET enable_seqscan = off");
			}
			// the same values findNearest binds: the query vector as text (once, or twice when exact), then the limit
			int parameters = (int) sql.chars().filter((c) -> c == '?').count();
			assertThat(sql).endsWith(" LIMIT ?");
			try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
				for (int i = 1; i < parameters; i++) {
					explain.setString(i, text(query()));
				}
				explain.setInt(parameters, K);
				StringBuilder plan = new StringBuilder();
				try (ResultSet rs = explain.executeQuery()) {
					while (rs.next()) {
						plan.append(rs.getString(1)).append('\n');
					}
				}
				return plan.toString();
			}
		}
	}

	private static List<float[]> vectors(long seed) {
		Random random = new Random(seed);
		List<float[]> vectors = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			float[] vector = new float[UsageEntities.DIMS];
			for (int d = 0; d < vector.length; d++) {
				vector[d] = random.nextFloat() * 2 - 1;
			}
			vectors.add(vector);
		}
		return vectors;
	}

	private static float[] query() {
		return new float[] { 0.3f, -0.2f, 0.9f, 0.1f, -0.5f, 0.4f, 0.05f, -0.7f };
	}

	private static String text(float[] vector) {
		StringBuilder text = new StringBuilder("[");
		for (int i = 0; i < vector.length; i++) {
			text.append((i > 0) ? "," : "").append(vector[i]);
		}
		return text.append(']').toString();
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += (double) a[i] * b[i];
		}
		return sum;
	}

	private static double cosineDistance(float[] a, float[] b) {
		return 1 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
	}

	private static double euclideanDistance(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			double diff = a[i] - b[i];
			sum += diff * diff;
		}
		return Math.sqrt(sum);
	}

	/** A findNearest call's results and the plan of its statement. */
	private record Plan<T>(List<Nearest<T>> results, String plan) {

		// Both checks in one place: the results always equal brute force, whether or not the index served them.
		boolean hasIndex(String index, List<Long> expected, Function<T, Long> id) {
			assertThat(this.results.stream().map((nearest) -> id.apply(nearest.entity())).toList())
				.as("findNearest results vs brute force; plan:%n%s", this.plan)
				.containsExactlyElementsOf(expected);
			return this.plan.contains("Index Scan using " + index);
		}

	}

}
