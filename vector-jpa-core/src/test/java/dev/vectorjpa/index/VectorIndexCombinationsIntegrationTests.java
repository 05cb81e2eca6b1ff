package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric × column type × index type pgvector supports gets the operator class serving that metric's operator,
 * and the planner uses it for {@code ORDER BY column <op> ? LIMIT k}.
 */
@DatabaseTest
class VectorIndexCombinationsIntegrationTests {

	private static final Map<VectorType, String> COLUMNS = Map.of(VectorType.VECTOR, "v", VectorType.HALFVEC, "h",
			VectorType.SPARSEVEC, "s", VectorType.BIT, "b");

	private static final Map<VectorType, String> QUERIES = Map.of(VectorType.VECTOR, "[0.5,0.5,0.5]",
			VectorType.HALFVEC, "[0.5,0.5,0.5]", VectorType.SPARSEVEC, "{1:0.5,3:0.5}/3", VectorType.BIT, "10110010");

	@Test
	void everySupportedCombinationGetsItsOperatorClassAndParametersAndServesItsOperator(TestSchema schema)
			throws Exception {
		schema.execute("CREATE TABLE combos (id bigserial PRIMARY KEY, v vector(3), h halfvec(3), s sparsevec(3), "
				+ "b bit(8))",
				"INSERT INTO combos (v, h, s, b) SELECT x, x::halfvec, ('{1:' || g % 7 || ',3:' || g % 5 || '}/3')"
						+ "::sparsevec, (g % 256)::bit(8) FROM (SELECT g, ('[' || random() || ',' || random() || ','"
						+ " || random() || ']')::vector AS x FROM generate_series(1, 300) g) rows");
		VectorIndexManager manager = new VectorIndexManager(schema.dataSource(), VectorIndexSettings.defaults());
		List<VectorIndexDefinition> supported = new ArrayList<>();
		for (VectorType vectorType : VectorType.values()) {
			for (Metric metric : Metric.values()) {
				for (IndexType indexType : List.of(IndexType.HNSW, IndexType.IVFFLAT)) {
					if (metric.supportsIndex(indexType, vectorType)) {
						supported.add(new VectorIndexDefinition(null, "combos", COLUMNS.get(vectorType), vectorType,
								metric, indexType, (indexType == IndexType.HNSW) ? 8 : null,
								(indexType == IndexType.HNSW) ? 32 : null, null, false, null, null));
					}
				}
			}
		}
		// vector and halfvec: 4 HNSW + 3 IVFFlat each; sparsevec: 4 HNSW; bit: hamming both, jaccard HNSW.
		assertThat(supported).hasSize(7 + 7 + 4 + 3);
		for (VectorIndexDefinition definition : supported) {
			assertThat(manager.ensureIndex(definition)).as(definition.indexName()).isTrue();
		}
		Map<String, IndexInfo> indexes = manager.indexes(null, "combos")
			.stream()
			.collect(Collectors.toMap(IndexInfo::name, (info) -> info));
		assertThat(indexes).hasSize(supported.size());
		for (VectorIndexDefinition definition : supported) {
			IndexInfo info = indexes.get(definition.indexName());
			assertThat(info.type()).isEqualTo(definition.type());
			assertThat(info.operatorClass()).isEqualTo(definition.vectorType().sqlName() + "_"
					+ opsName(definition.metric()) + "_ops");
			assertThat(info.valid()).isTrue();
			assertThat(info.sizeBytes()).isPositive();
			assertThat(info.parameters()).isEqualTo((definition.type() == IndexType.HNSW)
					? Map.of("m", "8", "ef_construction", "32") : Map.of("lists", "10"));
		}
		for (VectorIndexDefinition definition : supported) {
			String index = explainIndexUsed(schema, definition);
			assertThat(indexes.get(index).operatorClass()).as(definition.metric() + " on " + definition.vectorType())
				.isEqualTo(definition.operatorClass());
		}
	}

	private static String explainIndexUsed(TestSchema schema, VectorIndexDefinition definition) throws Exception {
		String column = definition.column();
		String sql = "EXPLAIN SELECT id FROM combos ORDER BY " + column + " " + definition.metric().operator() + " ?::"
				+ definition.vectorType().sqlType(definition.vectorType() == VectorType.BIT ? 8 : 3) + " LIMIT ?";
		try (Connection connection = schema.connect()) {
			try (Statement statement = connection.createStatement()) {
				// 300 rows: the planner would rather scan them all; the plan shape is what is checked here.
				statement.execute("SET enable_seqscan = off");
			}
			StringBuilder plan = new StringBuilder();
			try (PreparedStatement explain = connection.prepareStatement(sql)) {
				explain.setString(1, QUERIES.get(definition.vectorType()));
				explain.setInt(2, 5);
				try (ResultSet rs = explain.executeQuery()) {
					while (rs.next()) {
						plan.append(rs.getString(1)).append('\n');
					}
				}
			}
			Matcher matcher = Pattern.compile("Index Scan using (\\S+) on combos")
				.matcher(plan);
			assertThat(matcher.find()).as(sql + "\n" + plan).isTrue();
			return matcher.group(1);
		}
	}

	private static String opsName(Metric metric) {
		return switch (metric) {
			case EUCLIDEAN -> "l2";
			case INNER_PRODUCT -> "ip";
			default -> metric.name().toLowerCase(Locale.ROOT);
		};
	}

}
