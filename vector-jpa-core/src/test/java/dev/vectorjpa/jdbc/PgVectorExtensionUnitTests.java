package dev.vectorjpa.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgVectorExtension}'s version comparison.
 */
class PgVectorExtensionUnitTests {

	@Test
	void comparesDottedVersionsNumerically() {
		assertThat(PgVectorExtension.isAtLeast("0.8.0", "0.8.0")).isTrue();
		assertThat(PgVectorExtension.isAtLeast("0.10.0", "0.8.0")).isTrue();
		assertThat(PgVectorExtension.isAtLeast("0.7.4", "0.8.0")).isFalse();
		assertThat(PgVectorExtension.isAtLeast("1.0", "0.8.0")).isTrue();
		assertThat(PgVectorExtension.isAtLeast("0.8", "0.8.1")).isFalse();
		assertThat(PgVectorExtension.isAtLeast("0.8.1-dev", "0.8.1")).isTrue();
	}

}
