package dev.vectorjpa.repository.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.MappedAttribute;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.index.FullTextIndexes;
import dev.vectorjpa.repository.HybridOptions;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.query.NearestQueryExecutor;
import dev.vectorjpa.repository.query.QueryScope;
import dev.vectorjpa.repository.query.QueryVectors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jspecify.annotations.Nullable;

/**
 * {@code VectorRepository#findHybrid}: reciprocal rank fusion of the vector ranking ({@code ORDER BY col <op> q},
 * served by the ANN index) and the full-text ranking ({@code ts_rank_cd} over {@code to_tsvector(config, text)},
 * served by a GIN index on the same expression), in one statement; results are managed entities with the fused score.
 *
 * @param <T> the entity type
 */
final class HybridSearch<T> {

	static final String TEXT_PARAMETER = "vjpa_text";

	private final Class<T> entityType;

	private final EntityManager entityManager;

	private final VectorAttribute attribute;

	private final @Nullable String problem;

	private final String defaultConfig;

	private final Map<String, String> sqlByConfig = new ConcurrentHashMap<>();

	private final EntityColumns columns;

	private final QueryScope.@Nullable Condition scope;

	private final NearestQueryExecutor executor;

	HybridSearch(Class<T> entityType, EntityManagerFactory entityManagerFactory, EntityManager entityManager,
			QueryScope scope, NearestQueryExecutor executor) {
		this.entityType = entityType;
		this.entityManager = entityManager;
		this.executor = executor;
		VectorEntityMetadata metadata = VectorEntityMetadata.of(entityManagerFactory, entityType);
		this.attribute = metadata.vectorAttribute(null);
		this.columns = EntityColumns.of(entityManagerFactory, entityType);
		// rendered once: the same condition (and parameters) for every text search configuration
		this.scope = scope.condition(this.columns);
		MappedAttribute text = metadata.fullText();
		MappedAttribute id = metadata.id();
		this.problem = (text == null) ? entityType.getSimpleName() + " has no @FullText attribute for findHybrid"
				: (id == null) ? entityType.getSimpleName() + " has a composite id; findHybrid needs a single id column"
						: null;
		this.defaultConfig = metadata.fullTextConfig();
		if (this.problem == null) {
			this.sqlByConfig.put(this.defaultConfig, render(this.defaultConfig, id, text));
		}
	}

	private static String tsvector(String config, String column) {
		return FullTextIndexes.tsvector(config, column);
	}

	private String render(String config, MappedAttribute id, MappedAttribute text) {
		String root = EntityColumns.ROOT_ALIAS;
		String idColumn = root + "." + id.column();
		String vector = root + "." + this.attribute.column();
		String distance = vector + " " + this.attribute.metric().operator() + " cast(:vjpa_query as "
				+ castType() + ")";
		String tsv = tsvector(config, root + "." + text.column());
		String scoped = (this.scope != null) ? this.scope.sql() : null;
		String vectorWhere = (scoped != null) ? " WHERE " + scoped : "";
		String textScope = (scoped != null) ? " AND " + scoped : "";
		String table = this.columns.table() + " " + root;
		return "WITH vector_hits AS (SELECT s.id, row_number() OVER (ORDER BY s.d) AS rank FROM (SELECT " + idColumn
				+ " AS id, " + distance + " AS d FROM " + table + vectorWhere + " ORDER BY d LIMIT :vjpa_pool) s), "
				+ "text_hits AS (SELECT s.id, row_number() OVER (ORDER BY s.r DESC) AS rank FROM (SELECT " + idColumn
				+ " AS id, ts_rank_cd(" + tsv + ", q.query) AS r FROM " + table + ", websearch_to_tsquery('" + config
				+ "'::regconfig, :" + TEXT_PARAMETER + ") AS q(query) WHERE " + tsv + " @@ q.query" + textScope
				+ " ORDER BY r DESC LIMIT :vjpa_pool) s), "
				+ "fused AS (SELECT coalesce(v.id, x.id) AS id, coalesce(:vjpa_wv / (:vjpa_rrf + v.rank), 0) "
				+ "+ coalesce(:vjpa_wt / (:vjpa_rrf + x.rank), 0) AS score FROM vector_hits v FULL OUTER JOIN "
				+ "text_hits x ON x.id = v.id) "
				+ "SELECT " + root + ".*, " + distance + " AS vjpa_distance, f.score AS vjpa_score FROM fused f JOIN "
				+ table + " ON " + idColumn + " = f.id ORDER BY f.score DESC, vjpa_distance LIMIT :vjpa_limit";
	}

	private String castType() {
		return switch (this.attribute.type()) {
			case BIT -> "bit(" + this.attribute.dimensions() + ")";
			default -> this.attribute.type().sqlName();
		};
	}

	/** The SQL for the entity's own configuration (for tests and EXPLAIN). */
	String sql() {
		return sql(null);
	}

	private String sql(@Nullable String config) {
		if (this.problem != null) {
			throw new IllegalStateException(this.problem);
		}
		String effective = (config != null) ? config : this.defaultConfig;
		return this.sqlByConfig.computeIfAbsent(effective, (c) -> {
			VectorEntityMetadata metadata = VectorEntityMetadata.of(this.entityManager.getEntityManagerFactory(),
					this.entityType);
			return render(c, metadata.id(), metadata.fullText());
		});
	}

	@SuppressWarnings("unchecked")
	List<Nearest<T>> search(Object query, String text, int k, HybridOptions options) {
		if (k < 1) {
			throw new IllegalArgumentException("k must be at least 1, got " + k);
		}
		if (text == null) {
			throw new IllegalArgumentException("The text of a hybrid search must not be null");
		}
		if (options == null) {
			throw new IllegalArgumentException("HybridOptions must not be null; use HybridOptions.defaults()");
		}
		String sql = sql(options.textSearchConfig());
		String queryText = QueryVectors.toText(query, this.attribute);
		// the read path of every search: search defaults, observation, transaction policy, binary transfer
		return this.executor.search(this.attribute, SearchOptions.none(), (session) -> {
			NativeQuery<Object[]> nativeQuery = session.createNativeQuery(sql, Object[].class);
			nativeQuery.addEntity(EntityColumns.ROOT_ALIAS, this.entityType)
				.addScalar("vjpa_distance", StandardBasicTypes.DOUBLE)
				.addScalar("vjpa_score", StandardBasicTypes.DOUBLE);
			nativeQuery.setParameter("vjpa_query", queryText);
			nativeQuery.setParameter(TEXT_PARAMETER, text);
			nativeQuery.setParameter("vjpa_pool", options.candidates(k));
			nativeQuery.setParameter("vjpa_wv", options.vectorWeight());
			nativeQuery.setParameter("vjpa_wt", options.textWeight());
			nativeQuery.setParameter("vjpa_rrf", options.rrfConstant());
			nativeQuery.setParameter("vjpa_limit", k);
			NearestQueryExecutor.bindScope(nativeQuery, this.scope, session);
			List<Object[]> rows = nativeQuery.getResultList();
			List<Nearest<T>> result = new ArrayList<>(rows.size());
			for (Object[] row : rows) {
				result.add(new Nearest<>((T) row[0], (Double) row[1], (Double) row[2]));
			}
			return result;
		});
	}

}
