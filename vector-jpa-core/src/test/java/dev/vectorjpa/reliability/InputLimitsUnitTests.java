package dev.vectorjpa.reliability;

import dev.vectorjpa.hibernate.VectorValueValidator;
import dev.vectorjpa.jdbc.SqlIdentifiers;
import dev.vectorjpa.repository.HybridOptions;
import dev.vectorjpa.repository.MetadataFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Limits found by the adversarial round of issue 17, checked without a database.
 */
class InputLimitsUnitTests {

	@Test
	void rangeFiltersRejectNonFiniteNumbersNamingTheKey() {
		for (Object bad : new Object[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
				Float.POSITIVE_INFINITY }) {
			assertThatIllegalArgumentException().isThrownBy(() -> MetadataFilter.gt("price", bad))
				.withMessage("Metadata filter value for key 'price' must be a finite number, got " + bad);
			assertThatIllegalArgumentException().isThrownBy(() -> MetadataFilter.lte("a.b", bad))
				.withMessageContaining("'a.b'");
			assertThatIllegalArgumentException().isThrownBy(() -> MetadataFilter.eq("price", bad))
				.withMessageContaining("'price'");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> MetadataFilter.in("price", java.util.List.of(1, bad)))
				.withMessageContaining("'price'");
		}
		assertThat(MetadataFilter.gte("price", Double.MAX_VALUE)).isNotNull();
	}

	@Test
	void hybridCandidatePoolNeverOverflows() {
		HybridOptions defaults = HybridOptions.builder().build();
		assertThat(defaults.candidates(1)).isEqualTo(40);
		assertThat(defaults.candidates(100)).isEqualTo(400);
		assertThat(defaults.candidates(536_870_912)).isEqualTo(Integer.MAX_VALUE);
		assertThat(defaults.candidates(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void identifiersAreLimitedTo63BytesOfUtf8() {
		String ascii63 = "a".repeat(63);
		assertThat(SqlIdentifiers.validate(ascii63, "vector-jpa.store.table")).isEqualTo(ascii63);
		assertThatIllegalArgumentException().isThrownBy(() -> SqlIdentifiers.validate("a".repeat(64), "t"));
		// 32 two-byte letters are 32 characters but 64 bytes: PostgreSQL would cut the last byte silently
		String twoByte = "é".repeat(32);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SqlIdentifiers.validate(twoByte, "vector-jpa.store.table"))
			.withMessageStartingWith("Invalid SQL identifier for vector-jpa.store.table: '" + twoByte + "'")
			.withMessageEndingWith("at most 63 bytes in UTF-8)");
		assertThat(SqlIdentifiers.validate("é".repeat(31) + "a", "t")).hasSize(32);
	}

	@Test
	void generatedNamesAreShortenedByBytesAtCharacterBoundaries() {
		assertThat(SqlIdentifiers.shorten("short_idx")).isEqualTo("short_idx");
		String longName = "ü".repeat(40) + "_embedding_hnsw_cosine_idx";
		String shortened = SqlIdentifiers.shorten(longName);
		assertThat(shortened.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
		assertThat(shortened).startsWith("ü".repeat(27)).matches(".*_[0-9a-f]{8}");
		assertThat(SqlIdentifiers.shorten("ü".repeat(40) + "_other_idx")).isNotEqualTo(shortened);
	}

	@Test
	void halfPrecisionLimitFollowsRoundingToNearestEven() {
		assertThat(VectorValueValidator.fitsHalfPrecision(65504f)).isTrue();
		assertThat(VectorValueValidator.fitsHalfPrecision(65519.99f)).isTrue();
		assertThat(VectorValueValidator.fitsHalfPrecision(65520f)).isFalse();
		assertThat(VectorValueValidator.fitsHalfPrecision(-65520f)).isFalse();
		assertThat(VectorValueValidator.fitsHalfPrecision(1e-10f)).isTrue();
	}

}
