package dev.vectorjpa.index;

import java.time.Duration;
import java.util.Objects;

import dev.vectorjpa.mapping.IndexType;
import org.jspecify.annotations.Nullable;

/**
 * The {@code vector-jpa.index.*} settings {@link VectorIndexManager} works with: defaults for declared indexes and
 * how builds run. Immutable; create one with {@link #builder()}.
 *
 * @since 0.1
 */
public final class VectorIndexSettings {

	private static final VectorIndexSettings DEFAULTS = builder().build();

	private final IndexType defaultType;

	private final boolean autoCreate;

	private final long minRows;

	private final boolean concurrently;

	private final int hnswM;

	private final int hnswEfConstruction;

	private final @Nullable Integer ivfflatLists;

	private final @Nullable String maintenanceWorkMem;

	private final Duration progressInterval;

	private VectorIndexSettings(Builder builder) {
		this.defaultType = builder.defaultType;
		this.autoCreate = builder.autoCreate;
		this.minRows = builder.minRows;
		this.concurrently = builder.concurrently;
		this.hnswM = builder.hnswM;
		this.hnswEfConstruction = builder.hnswEfConstruction;
		this.ivfflatLists = builder.ivfflatLists;
		this.maintenanceWorkMem = builder.maintenanceWorkMem;
		this.progressInterval = builder.progressInterval;
	}

	/** A builder holding the documented defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** The defaults: type none, no auto-creation, min-rows 1000, m 16, ef_construction 64. */
	public static VectorIndexSettings defaults() {
		return DEFAULTS;
	}

	/** Index type of vector attributes without {@code @VectorIndex(type)} ({@code vector-jpa.index.type}). */
	public IndexType defaultType() {
		return this.defaultType;
	}

	/** Whether declared indexes are created at start-up ({@code vector-jpa.index.auto-create}). */
	public boolean autoCreate() {
		return this.autoCreate;
	}

	/** Rows a table must hold before its IVFFlat index is built ({@code vector-jpa.index.min-rows}). */
	public long minRows() {
		return this.minRows;
	}

	/** Whether declared indexes are built with {@code CONCURRENTLY} ({@code vector-jpa.index.concurrently}). */
	public boolean concurrently() {
		return this.concurrently;
	}

	/** Default HNSW {@code m} ({@code vector-jpa.index.hnsw.m}). */
	public int hnswM() {
		return this.hnswM;
	}

	/** Default HNSW {@code ef_construction} ({@code vector-jpa.index.hnsw.ef-construction}). */
	public int hnswEfConstruction() {
		return this.hnswEfConstruction;
	}

	/** Default IVFFlat {@code lists}, or {@code null} for the rows rule ({@code vector-jpa.index.ivfflat.lists}). */
	public @Nullable Integer ivfflatLists() {
		return this.ivfflatLists;
	}

	/** {@code maintenance_work_mem} for the build's session (e.g. {@code 1GB}), or {@code null} for the server's. */
	public @Nullable String maintenanceWorkMem() {
		return this.maintenanceWorkMem;
	}

	/** How often a running build's progress is logged. */
	public Duration progressInterval() {
		return this.progressInterval;
	}

	@Override
	public String toString() {
		return "VectorIndexSettings[defaultType=" + this.defaultType + ", autoCreate=" + this.autoCreate + ", minRows="
				+ this.minRows + ", concurrently=" + this.concurrently + ", hnswM=" + this.hnswM
				+ ", hnswEfConstruction=" + this.hnswEfConstruction + ", ivfflatLists=" + this.ivfflatLists
				+ ", maintenanceWorkMem=" + this.maintenanceWorkMem + ", progressInterval=" + this.progressInterval
				+ "]";
	}

	/**
	 * Builds {@link VectorIndexSettings}; each setter validates its value.
	 *
	 * @since 0.1
	 */
	public static final class Builder {

		private IndexType defaultType = IndexType.NONE;

		private boolean autoCreate;

		private long minRows = 1000;

		private boolean concurrently;

		private int hnswM = 16;

		private int hnswEfConstruction = 64;

		private @Nullable Integer ivfflatLists;

		private @Nullable String maintenanceWorkMem;

		private Duration progressInterval = Duration.ofSeconds(10);

		private Builder() {
		}

		/** Index type of vector attributes without {@code @VectorIndex(type)}. */
		public Builder defaultType(IndexType defaultType) {
			this.defaultType = Objects.requireNonNull(defaultType, "defaultType must not be null");
			return this;
		}

		/** Whether declared indexes are created at start-up. */
		public Builder autoCreate(boolean autoCreate) {
			this.autoCreate = autoCreate;
			return this;
		}

		/** Rows a table must hold before its IVFFlat index is built (0 or more). */
		public Builder minRows(long minRows) {
			if (minRows < 0) {
				throw new IllegalArgumentException("vector-jpa.index.min-rows must not be negative, got " + minRows);
			}
			this.minRows = minRows;
			return this;
		}

		/** Whether declared indexes are built with {@code CONCURRENTLY}. */
		public Builder concurrently(boolean concurrently) {
			this.concurrently = concurrently;
			return this;
		}

		/** Default HNSW {@code m} (2-100). */
		public Builder hnswM(int hnswM) {
			this.hnswM = hnswM;
			return this;
		}

		/** Default HNSW {@code ef_construction} (4-1000, at least 2·m). */
		public Builder hnswEfConstruction(int hnswEfConstruction) {
			this.hnswEfConstruction = hnswEfConstruction;
			return this;
		}

		/** Default IVFFlat {@code lists} (1-32768), or {@code null} for the rows rule. */
		public Builder ivfflatLists(@Nullable Integer ivfflatLists) {
			if (ivfflatLists != null) {
				IndexParams.validateLists(ivfflatLists);
			}
			this.ivfflatLists = ivfflatLists;
			return this;
		}

		/** {@code maintenance_work_mem} for builds, e.g. {@code 1GB}, or {@code null} for the server's. */
		public Builder maintenanceWorkMem(@Nullable String maintenanceWorkMem) {
			// Passed to set_config() as a bound value; the server itself rejects an invalid memory size.
			this.maintenanceWorkMem = (maintenanceWorkMem == null || maintenanceWorkMem.isBlank()) ? null
					: maintenanceWorkMem.trim();
			return this;
		}

		/** How often a running build's progress is logged (positive). */
		public Builder progressInterval(Duration progressInterval) {
			Objects.requireNonNull(progressInterval, "progressInterval must not be null");
			if (progressInterval.isNegative() || progressInterval.isZero()) {
				throw new IllegalArgumentException("Index build progress interval must be positive, got "
						+ progressInterval);
			}
			this.progressInterval = progressInterval;
			return this;
		}

		/** The settings; HNSW defaults are checked together here (ef_construction depends on m). */
		public VectorIndexSettings build() {
			IndexParams.validateHnsw(this.hnswM, this.hnswEfConstruction);
			return new VectorIndexSettings(this);
		}

	}

}
