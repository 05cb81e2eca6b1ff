package dev.vectorjpa.repository;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Immutable tuning of hybrid (full-text + vector) search: reciprocal rank fusion weights and constant, candidate
 * pool size, and the text search configuration.
 *
 * @since 0.1
 */
public final class HybridOptions {

	private static final HybridOptions DEFAULTS = new Builder().build();

	private final double vectorWeight;

	private final double textWeight;

	private final int rrfConstant;

	private final int candidates;

	private final @Nullable String textSearchConfig;

	private HybridOptions(Builder builder) {
		this.vectorWeight = builder.vectorWeight;
		this.textWeight = builder.textWeight;
		this.rrfConstant = builder.rrfConstant;
		this.candidates = builder.candidates;
		this.textSearchConfig = builder.textSearchConfig;
	}

	/** Weights 1 and 1, RRF constant 60, a candidate pool of {@code max(4·k, 40)}, the attribute's configuration. */
	public static HybridOptions defaults() {
		return DEFAULTS;
	}

	/** A builder starting from the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** Weight of the vector rank's contribution {@code w / (c + rank)}. */
	public double vectorWeight() {
		return this.vectorWeight;
	}

	/** Weight of the full-text rank's contribution. */
	public double textWeight() {
		return this.textWeight;
	}

	/** The RRF constant {@code c} (60 in the original paper): larger values flatten the rank differences. */
	public int rrfConstant() {
		return this.rrfConstant;
	}

	/** Candidates taken from each ranking before fusion for a request of {@code k}. */
	public int candidates(int k) {
		// in long: 4 * k overflows int for k above 536,870,911
		return (this.candidates > 0) ? Math.max(this.candidates, k)
				: (int) Math.min(Math.max(4L * k, 40L), Integer.MAX_VALUE);
	}

	/** The text search configuration overriding the attribute's {@code @FullText(config)}, or {@code null}. */
	public @Nullable String textSearchConfig() {
		return this.textSearchConfig;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof HybridOptions that && this.vectorWeight == that.vectorWeight
				&& this.textWeight == that.textWeight && this.rrfConstant == that.rrfConstant
				&& this.candidates == that.candidates && Objects.equals(this.textSearchConfig, that.textSearchConfig));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.vectorWeight, this.textWeight, this.rrfConstant, this.candidates,
				this.textSearchConfig);
	}

	/** Builds {@link HybridOptions}; values are validated when set. */
	public static final class Builder {

		private double vectorWeight = 1.0;

		private double textWeight = 1.0;

		private int rrfConstant = 60;

		private int candidates;

		private @Nullable String textSearchConfig;

		private Builder() {
		}

		/** Weight of the vector ranking, at least 0. */
		public Builder vectorWeight(double weight) {
			this.vectorWeight = weight(weight, "vectorWeight");
			return this;
		}

		/** Weight of the full-text ranking, at least 0. */
		public Builder textWeight(double weight) {
			this.textWeight = weight(weight, "textWeight");
			return this;
		}

		/** The RRF constant, 1-10000. */
		public Builder rrfConstant(int constant) {
			if (constant < 1 || constant > 10_000) {
				throw new IllegalArgumentException("rrfConstant must be between 1 and 10000, got " + constant);
			}
			this.rrfConstant = constant;
			return this;
		}

		/** Candidates per ranking, 1-10000 (at least k is always used). */
		public Builder candidates(int candidates) {
			if (candidates < 1 || candidates > 10_000) {
				throw new IllegalArgumentException("candidates must be between 1 and 10000, got " + candidates);
			}
			this.candidates = candidates;
			return this;
		}

		/** A text search configuration such as {@code simple} or {@code german}. */
		public Builder textSearchConfig(String config) {
			if (config == null || !config.matches("[a-z_][a-z0-9_]{0,62}")) {
				throw new IllegalArgumentException("Invalid text search configuration '" + config
						+ "' (expected a name like 'english' or 'simple')");
			}
			this.textSearchConfig = config;
			return this;
		}

		/** The options. */
		public HybridOptions build() {
			if (this.vectorWeight == 0 && this.textWeight == 0) {
				throw new IllegalArgumentException("At least one of vectorWeight and textWeight must be positive");
			}
			return new HybridOptions(this);
		}

		private static double weight(double weight, String name) {
			if (!(weight >= 0) || Double.isInfinite(weight)) {
				throw new IllegalArgumentException(name + " must be a finite number at least 0, got " + weight);
			}
			return weight;
		}

	}

}
