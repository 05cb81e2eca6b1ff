package dev.vectorjpa.sample.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChunkerUnitTests {

	@Test
	void chunksOverlapByTheGivenNumberOfWords() {
		assertThat(new Chunker(4, 1).chunks("a b c d e f g h i j")).containsExactly("a b c d", "d e f g", "g h i j");
	}

	@Test
	void aShortTextIsOneChunk() {
		assertThat(new Chunker(4, 1).chunks("  a   b ")).containsExactly("a b");
		assertThat(new Chunker(4, 1).chunks("   ")).isEmpty();
	}

	@Test
	void overlapMustBeSmallerThanTheChunk() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(4, 4))
			.withMessage("Chunk size must be positive and overlap smaller than it, got size 4, overlap 4");
	}

}
