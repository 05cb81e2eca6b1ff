package dev.vectorjpa.hibernate;

import java.util.Locale;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.mapping.VectorType;
import org.jspecify.annotations.Nullable;

/**
 * Names of the Hibernate/JPA properties vector-jpa reads (the Spring Boot starter fills them from
 * {@code vector-jpa.*}), and the one set of rules that resolves a {@link VectorColumn}'s defaults from them.
 *
 * @since 0.1
 */
public final class VectorJpaSettings {

	/** Default dimension count for {@code @VectorColumn(dimensions = 0)}. */
	public static final String DIMENSIONS = "vector-jpa.dimensions";

	/** Default metric for a {@code @VectorColumn} without one ({@code cosine}, {@code euclidean}, ...). */
	public static final String METRIC = "vector-jpa.metric";

	/**
	 * The fixed current domain ({@code String}) when no {@link #DOMAIN_RESOLVER} is given; unset or blank means
	 * single-tenant.
	 */
	public static final String DOMAIN = "vector-jpa.domain";

	/**
	 * The {@code dev.vectorjpa.tenancy.DomainResolver} supplying the current domain: an instance (the Spring Boot
	 * starter puts its bean here) or a class name with a public no-argument constructor; wins over {@link #DOMAIN}.
	 */
	public static final String DOMAIN_RESOLVER = "vector-jpa.domain-resolver";

	/**
	 * Whether {@code @DomainId} tables get PostgreSQL row-level-security policies (created with the schema) keyed on
	 * the transaction-local setting {@code vector_jpa.domain}, which every transaction of a session with a domain sets.
	 */
	public static final String DOMAIN_ROW_LEVEL_SECURITY = "vector-jpa.domain-row-level-security";

	/**
	 * Whether vector-jpa's searches switch the connections they run on to binary vector transfer for every statement
	 * ({@code Boolean}, default {@code false}): pgvector-java's {@code PGvector.addVectorType} is called once per
	 * physical connection, after which pgjdbc sends and receives {@code vector} values of server-prepared statements in
	 * pgvector's binary form. Without it searches still receive their own rows' vectors in binary, for their own
	 * statements only ({@code BinaryVectorTransfer#transferring}). It changes those pooled connections for all code:
	 * {@code getObject} of a vector column then returns a {@code PGvector}.
	 */
	public static final String BINARY_TRANSFER = "vector-jpa.binary-transfer";

	/**
	 * The {@link dev.vectorjpa.embedding.TextEmbedder} instance computing {@code @VectorColumn(embeddedFrom = …)}
	 * vectors and {@code String} queries (the Spring Boot starter puts its bean here).
	 */
	public static final String TEXT_EMBEDDER = "vector-jpa.text-embedder";

	/** How many texts one embedding call takes at most ({@code Integer}, default 32). */
	public static final String EMBEDDING_BATCH_SIZE = "vector-jpa.embedding.batch-size";

	/** The {@link dev.vectorjpa.observation.VectorJpaObservations} instance observing embedding calls. */
	public static final String OBSERVATIONS = "vector-jpa.observations";

	/**
	 * The index type of vector attributes that do not name one ({@code none}, {@code hnsw} or {@code ivfflat}; the
	 * Spring Boot starter's {@code vector-jpa.index.type}): every vector attribute gets that index, a
	 * {@code @VectorIndex} without type too (HNSW when this is {@code none}).
	 */
	public static final String INDEX_TYPE = "vector-jpa.index.type";

	private VectorJpaSettings() {
	}

	/** Whether {@link #BINARY_TRANSFER} is on in {@code settings}. */
	public static boolean binaryTransfer(Map<String, ?> settings) {
		Object value = settings.get(BINARY_TRANSFER);
		return value != null && Boolean.parseBoolean(value.toString().trim());
	}

	/**
	 * Whether {@link #DOMAIN_ROW_LEVEL_SECURITY} is on in {@code settings}.
	 * @throws IllegalStateException when the value is neither true nor false
	 */
	public static boolean rowLevelSecurity(Map<String, ?> settings) {
		return DomainSettings.rowLevelSecurity(settings);
	}

	/**
	 * The resolved index type of an attribute: {@code @VectorIndex(type)}, else {@link #INDEX_TYPE}, else HNSW for a
	 * {@code @VectorIndex} without type; {@link IndexType#NONE} for none.
	 * @param attribute {@code Entity.attribute}, for the error message
	 * @throws IllegalStateException for an unknown {@link #INDEX_TYPE}
	 */
	public static IndexType indexType(@Nullable VectorIndex index, Map<String, ?> settings, String attribute) {
		if (index != null && index.type().length > 0) {
			return index.type()[0];
		}
		Object value = settings.get(INDEX_TYPE);
		IndexType configured = IndexType.NONE;
		if (value instanceof IndexType type) {
			configured = type;
		}
		else if (value != null && !value.toString().isBlank()) {
			try {
				configured = IndexType.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Property '" + INDEX_TYPE + "' must be none, hnsw or ivfflat, got '"
						+ value + "' (for " + attribute + ")", ex);
			}
		}
		return (index != null && configured == IndexType.NONE) ? IndexType.HNSW : configured;
	}

	/**
	 * The dimension count of an attribute: the annotation's, else the {@link #DIMENSIONS} setting.
	 * @param attribute {@code Entity.attribute}, for the error message
	 * @throws IllegalStateException when neither gives a positive count
	 */
	public static int dimensions(VectorColumn column, Map<String, ?> settings, String attribute) {
		if (column.dimensions() < 0) {
			throw new IllegalStateException("@VectorColumn on " + attribute + " has negative dimensions "
					+ column.dimensions());
		}
		if (column.dimensions() > 0) {
			return checkMax(column.dimensions(), column.type(), attribute);
		}
		Object configured = settings.get(DIMENSIONS);
		if (configured == null || configured.toString().isBlank()) {
			throw new IllegalStateException("@VectorColumn on " + attribute + " has no dimensions: set "
					+ "@VectorColumn(dimensions = ...) or the default with property '" + DIMENSIONS + "'");
		}
		int dimensions;
		try {
			dimensions = Integer.parseInt(configured.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("Property '" + DIMENSIONS + "' must be a whole number, got '" + configured
					+ "'");
		}
		if (dimensions < 1) {
			throw new IllegalStateException("Property '" + DIMENSIONS + "' must be positive, got " + dimensions
					+ " (needed by @VectorColumn on " + attribute + ")");
		}
		return checkMax(dimensions, column.type(), attribute);
	}

	/**
	 * The metric of an attribute: the annotation's; else {@code HAMMING} for bit columns, the {@link #METRIC}
	 * setting, or {@code COSINE}.
	 * @throws IllegalStateException when the metric is not defined for the column type
	 */
	public static Metric metric(VectorColumn column, Map<String, ?> settings, String attribute) {
		Metric metric;
		if (column.metric().length > 1) {
			throw new IllegalStateException("@VectorColumn on " + attribute + " names more than one metric");
		}
		if (column.metric().length == 1) {
			metric = column.metric()[0];
		}
		else if (column.type() == VectorType.BIT) {
			metric = Metric.HAMMING;
		}
		else {
			Object configured = settings.get(METRIC);
			metric = (configured == null || configured.toString().isBlank()) ? Metric.COSINE
					: (configured instanceof Metric m) ? m : Metric.parse(configured.toString());
		}
		if (!metric.supports(column.type())) {
			throw new IllegalStateException("@VectorColumn on " + attribute + ": metric " + metric
					+ " is not defined for " + column.type().sqlName() + " columns");
		}
		return metric;
	}

	private static int checkMax(int dimensions, VectorType type, String attribute) {
		if (dimensions > type.maxDimensions()) {
			throw new IllegalStateException("@VectorColumn on " + attribute + " has " + dimensions + " dimensions; "
					+ type.sqlName() + " allows at most " + type.maxDimensions());
		}
		return dimensions;
	}

}
