package dev.vectorjpa.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.vectorjpa.Metric;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.observation.VectorJpaObservations;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Creates, inspects and drops HNSW and IVFFlat indexes, for mapped entities and for plain tables; safe when several
 * application instances do it at once (catalog check under an advisory lock, so each index is built exactly once).
 *
 * @since 0.1
 */
public class VectorIndexManager {

	private static final Log logger = LogFactory.getLog(VectorIndexManager.class);

	private final DataSource dataSource;

	private final @Nullable EntityManagerFactory entityManagerFactory;

	private final VectorIndexSettings settings;

	private final IndexBuilder builder;

	// The declared IVFFlat indexes, resolved once per entity: onRowsAdded runs after every bulkInsert.
	private final Map<Class<?>, List<VectorIndexDefinition>> declaredByEntity = new ConcurrentHashMap<>();

	/** A manager of plain tables (no entity-level API). */
	public VectorIndexManager(DataSource dataSource, VectorIndexSettings settings) {
		this(dataSource, null, settings);
	}

	/** A manager of the entities of {@code entityManagerFactory} (may be {@code null}) and of plain tables. */
	public VectorIndexManager(DataSource dataSource, @Nullable EntityManagerFactory entityManagerFactory,
			VectorIndexSettings settings) {
		this.dataSource = Objects.requireNonNull(dataSource, "DataSource must not be null");
		this.entityManagerFactory = entityManagerFactory;
		this.settings = Objects.requireNonNull(settings, "VectorIndexSettings must not be null");
		this.builder = new IndexBuilder(dataSource, settings);
	}

	/** The settings this manager applies. */
	public VectorIndexSettings settings() {
		return this.settings;
	}

	/** Reports every index build as a {@code create_index} operation of the {@code db.vector.client.operation} observation. */
	public void setObservations(VectorJpaObservations observations) {
		if (observations == null) {
			throw new IllegalArgumentException("VectorJpaObservations must not be null");
		}
		this.builder.setObservations(observations);
	}

	/** Receives the progress of running builds, at the configured interval, besides the INFO log. */
	public void setProgressListener(@Nullable Consumer<IndexBuildProgress> progressListener) {
		this.builder.setProgressListener(progressListener);
	}

	/**
	 * IVFFlat {@code lists} for a table of {@code rows}: {@code max(rows / 1000, 10)}, or {@code sqrt(rows)} above a
	 * million rows (at most 32768).
	 */
	public static int defaultLists(long rows) {
		long lists = (rows > 1_000_000) ? (long) Math.sqrt((double) rows) : Math.max(rows / 1000, 10);
		return (int) Math.min(lists, 32768);
	}

	// ---- Table level: the entity-less store and the Liquibase change types use these.

	/**
	 * Builds the index unless a valid index of its name exists; an invalid one (left by a failed
	 * {@code CONCURRENTLY} build) is dropped and rebuilt. IVFFlat without {@code lists} gets {@link #defaultLists}.
	 * @return whether this call built it
	 */
	public boolean ensureIndex(VectorIndexDefinition definition) {
		Objects.requireNonNull(definition, "VectorIndexDefinition must not be null");
		return this.builder.ensure(definition);
	}

	/**
	 * A definition for a plain table's vector column (the store, Liquibase) whose unset parameters take the
	 * configured defaults; checked like a declared index, before any SQL.
	 * @param schema the table's schema, or {@code null} for {@code current_schema()}
	 * @param dimensions the column's dimensions, checked against the index's limit (0 to skip the check)
	 */
	public VectorIndexDefinition definition(@Nullable String schema, String table, String column,
			VectorType vectorType, int dimensions, Metric metric, IndexType type, IndexParams params) {
		return IndexDefinitions.explicit(schema, table, column, vectorType, dimensions, metric, type, params,
				this.settings, table + "." + column);
	}

	/**
	 * Builds the index when it is due: HNSW at once, IVFFlat once the table holds {@code min-rows} rows.
	 * @return whether this call built it
	 */
	public boolean checkThreshold(VectorIndexDefinition definition) {
		return checkThreshold(definition, false);
	}

	private boolean checkThreshold(VectorIndexDefinition definition, boolean startUp) {
		Objects.requireNonNull(definition, "VectorIndexDefinition must not be null");
		if (definition.type() == IndexType.IVFFLAT
				&& !IndexCatalog.ivfflatDue(this.dataSource, definition, this.settings.minRows(), startUp)) {
			return false;
		}
		return ensureIndex(definition);
	}

	/**
	 * Drops the index if it exists.
	 * @return whether it existed
	 */
	public boolean dropIndex(VectorIndexDefinition definition) {
		Objects.requireNonNull(definition, "VectorIndexDefinition must not be null");
		return this.builder.drop(definition);
	}

	/** Rebuilds the index ({@code REINDEX}, {@code CONCURRENTLY} when the definition says so). */
	public void reindex(VectorIndexDefinition definition) {
		Objects.requireNonNull(definition, "VectorIndexDefinition must not be null");
		this.builder.reindex(definition.schema(), definition.indexName(), definition.concurrently());
	}

	/**
	 * The HNSW and IVFFlat indexes of a table.
	 * @param schema the table's schema, or {@code null} for {@code current_schema()}
	 */
	public List<IndexInfo> indexes(@Nullable String schema, String table) {
		try (Connection connection = this.dataSource.getConnection()) {
			return IndexCatalog.indexes(connection, schema, table);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not list the indexes of " + table + ": " + ex.getMessage(), ex);
		}
	}

	// ---- Entity level.

	/**
	 * Builds an index on the entity's only vector attribute unless it exists; unset parameters take the configured
	 * defaults.
	 * @return whether this call built it
	 */
	public boolean createIndex(Class<?> entity, IndexType type, IndexParams params) {
		return createIndex(entity, null, type, params);
	}

	/**
	 * Builds an index on the named vector attribute ({@code null} for the only one) unless it exists.
	 * @return whether this call built it
	 */
	public boolean createIndex(Class<?> entity, @Nullable String attribute, IndexType type, IndexParams params) {
		Objects.requireNonNull(type, "IndexType must not be null");
		Objects.requireNonNull(params, "IndexParams must not be null");
		VectorEntityMetadata metadata = metadata(entity);
		return ensureIndex(IndexDefinitions.explicit(metadata, metadata.vectorAttribute(attribute), type, params,
				this.settings));
	}

	/**
	 * Drops the index of {@code type} on the entity's only vector attribute (by its default name).
	 * @return whether it existed
	 */
	public boolean dropIndex(Class<?> entity, IndexType type) {
		return dropIndex(entity, null, type);
	}

	/**
	 * Drops the index of {@code type} on the named vector attribute ({@code null} for the only one).
	 * @return whether it existed
	 */
	public boolean dropIndex(Class<?> entity, @Nullable String attribute, IndexType type) {
		VectorEntityMetadata metadata = metadata(entity);
		return dropIndex(IndexDefinitions.explicit(metadata, metadata.vectorAttribute(attribute), type,
				IndexParams.defaults(), this.settings));
	}

	/** Rebuilds every HNSW and IVFFlat index of the entity's table. */
	public void reindex(Class<?> entity) {
		VectorEntityMetadata metadata = metadata(entity);
		for (IndexInfo index : indexes(metadata.schemaName(), metadata.tableName())) {
			this.builder.reindex(metadata.schemaName(), index.name(), this.settings.concurrently());
		}
	}

	/** The HNSW and IVFFlat indexes of the entity's table. */
	public List<IndexInfo> indexes(Class<?> entity) {
		VectorEntityMetadata metadata = metadata(entity);
		return indexes(metadata.schemaName(), metadata.tableName());
	}

	/**
	 * The indexes the entities declare ({@code @VectorIndex}, or a configured {@code index.type}), checked for
	 * unsupported combinations, ranges and dimension limits.
	 */
	public List<VectorIndexDefinition> declaredIndexes() {
		List<VectorIndexDefinition> declared = new ArrayList<>();
		for (VectorEntityMetadata metadata : VectorEntityMetadata.all(entityManagerFactory())) {
			declared.addAll(declaredIndexes(metadata));
		}
		return declared;
	}

	/**
	 * Start-up: when {@code auto-create} is on, builds every declared index that is missing; HNSW at once, IVFFlat
	 * once its table holds {@code min-rows} rows. All declarations are checked before any SQL runs.
	 * @return how many indexes this call built
	 */
	public int createDeclaredIndexes() {
		PartialIndexPredicates.check(this.dataSource, declaredIndexes());
		if (!this.settings.autoCreate()) {
			logger.debug("vector-jpa.index.auto-create is off: not creating declared indexes");
			return 0;
		}
		List<VectorIndexDefinition> declared = declaredIndexes();
		int built = 0;
		for (VectorIndexDefinition definition : declared) {
			built += checkThreshold(definition, true) ? 1 : 0;
		}
		for (VectorEntityMetadata metadata : VectorEntityMetadata.all(entityManagerFactory())) {
			if (metadata.fullText() != null) {
				built += FullTextIndexes.ensure(this.dataSource, metadata) ? 1 : 0;
			}
		}
		return built;
	}

	/**
	 * Creates the GIN index over the {@code @FullText} attribute that {@code findHybrid}'s text ranking uses
	 * ({@link FullTextIndexes}), unless it exists; safe when several instances try at once.
	 * @return whether this call created it
	 */
	public boolean createFullTextIndex(Class<?> entity) {
		return FullTextIndexes.ensure(this.dataSource, metadata(entity));
	}

	/**
	 * To be called after rows were added to the entity's table (e.g. {@code bulkInsert}): builds its declared
	 * IVFFlat indexes that have reached {@code min-rows}, when {@code auto-create} is on.
	 * @return how many indexes this call built
	 */
	public int onRowsAdded(Class<?> entity) {
		int built = 0;
		for (VectorIndexDefinition definition : thresholdIndexes(entity)) {
			built += checkThreshold(definition) ? 1 : 0;
		}
		return built;
	}

	/**
	 * Whether {@link #onRowsAdded(Class)} has anything to check for the entity: {@code auto-create} is on and it
	 * declares an IVFFlat index (HNSW indexes are built at start-up and need no check after inserts).
	 */
	public boolean hasThresholdIndexes(Class<?> entity) {
		return !thresholdIndexes(entity).isEmpty();
	}

	private List<VectorIndexDefinition> thresholdIndexes(Class<?> entity) {
		if (!this.settings.autoCreate()) {
			return List.of();
		}
		return this.declaredByEntity.computeIfAbsent(entity, (type) -> declaredIndexes(metadata(type))
			.stream()
			.filter((definition) -> definition.type() == IndexType.IVFFLAT)
			.toList());
	}

	private List<VectorIndexDefinition> declaredIndexes(VectorEntityMetadata metadata) {
		List<VectorIndexDefinition> declared = new ArrayList<>();
		for (VectorAttribute attribute : metadata.vectorAttributes()) {
			VectorIndexDefinition definition = IndexDefinitions.declared(metadata, attribute, this.settings);
			if (definition != null) {
				declared.add(definition);
			}
		}
		return declared;
	}

	private VectorEntityMetadata metadata(Class<?> entity) {
		Objects.requireNonNull(entity, "Entity class must not be null");
		return VectorEntityMetadata.of(entityManagerFactory(), entity);
	}

	private EntityManagerFactory entityManagerFactory() {
		if (this.entityManagerFactory == null) {
			throw new IllegalStateException("This VectorIndexManager has no EntityManagerFactory: construct it with "
					+ "one to manage the indexes of entities");
		}
		return this.entityManagerFactory;
	}

}
