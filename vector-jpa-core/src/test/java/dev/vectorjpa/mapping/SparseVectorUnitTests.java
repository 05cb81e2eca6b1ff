package dev.vectorjpa.mapping;

import java.util.Map;
import java.util.TreeMap;

import com.pgvector.PGsparsevec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link SparseVector} is an immutable value with 0-based indices and pgvector's 1-based text form.
 */
class SparseVectorUnitTests {

	@Test
	void ofArraysSortsAndDropsZeros() {
		SparseVector vector = SparseVector.of(6, new int[] { 4, 0, 2 }, new float[] { 3, 1, 0 });
		assertThat(vector.dimensions()).isEqualTo(6);
		assertThat(vector.indices()).containsExactly(0, 4);
		assertThat(vector.values()).containsExactly(1, 3);
		assertThat(vector.nonZeroCount()).isEqualTo(2);
		assertThat(vector.toArray()).containsExactly(1, 0, 0, 0, 3, 0);
	}

	@Test
	void ofMapAndFromArrayAgree() {
		SparseVector fromMap = SparseVector.of(5, Map.of(2, -1.5f, 0, 2f));
		SparseVector fromArray = SparseVector.fromArray(new float[] { 2, 0, -1.5f, 0, 0 });
		SparseVector fromArrays = SparseVector.of(5, new int[] { 0, 2 }, new float[] { 2, -1.5f });
		assertThat(fromMap).isEqualTo(fromArray).isEqualTo(fromArrays).hasSameHashCodeAs(fromArray);
		assertThat(fromMap).isNotEqualTo(SparseVector.of(6, Map.of(2, -1.5f, 0, 2f)));
		assertThat(fromMap).isNotEqualTo(SparseVector.of(5, Map.of(2, -1.5f, 0, 2.5f)));
	}

	@Test
	void textFormIsOneBased() {
		SparseVector vector = SparseVector.of(5, Map.of(0, 1.5f, 2, 2f));
		assertThat(vector.toSqlLiteral()).isEqualTo("{1:1.5,3:2.0}/5");
		assertThat(vector).hasToString("{1:1.5,3:2.0}/5");
		assertThat(SparseVector.parse("{1:1.5,3:2}/5")).isEqualTo(vector);
		assertThat(SparseVector.parse(vector.toSqlLiteral())).isEqualTo(vector);
		assertThat(SparseVector.parse("{}/3")).isEqualTo(SparseVector.of(3, Map.of()));
	}

	@Test
	void convertsToAndFromPgvectorJavaType() {
		SparseVector vector = SparseVector.of(1_000_000, Map.of(0, 1.5f, 999_999, -2f));
		PGsparsevec wire = vector.toPGsparsevec();
		assertThat(wire.getDimensions()).isEqualTo(1_000_000);
		assertThat(wire.getIndices()).containsExactly(0, 999_999);
		assertThat(wire.getValue()).isEqualTo("{1:1.5,1000000:-2.0}/1000000");
		assertThat(SparseVector.from(wire)).isEqualTo(vector);
	}

	@Test
	void isImmutable() {
		int[] indices = { 1 };
		float[] values = { 2 };
		SparseVector vector = SparseVector.of(3, indices, values);
		indices[0] = 2;
		values[0] = 5;
		vector.indices()[0] = 0;
		vector.values()[0] = 9;
		assertThat(vector.toArray()).containsExactly(0, 2, 0);
	}

	@Test
	void rejectsInvalidInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> SparseVector.of(3, new int[] { 3 }, new float[] { 1 }))
			.withMessage("Sparse vector index 3 is out of range [0, 3)");
		assertThatIllegalArgumentException().isThrownBy(() -> SparseVector.of(3, new int[] { -1 }, new float[] { 1 }))
			.withMessage("Sparse vector index -1 is out of range [0, 3)");
		assertThatIllegalArgumentException().isThrownBy(() -> SparseVector.of(3, new int[] { 1, 1 }, new float[] { 1, 2 }))
			.withMessage("Sparse vector index 1 appears twice");
		assertThatIllegalArgumentException().isThrownBy(() -> SparseVector.of(3, new int[] { 1 }, new float[0]))
			.withMessage("Sparse vector has 1 indices but 0 values");
		assertThatIllegalArgumentException().isThrownBy(() -> SparseVector.of(-1, new TreeMap<>()))
			.withMessage("Sparse vector dimensions must not be negative, got -1");
		assertThatIllegalArgumentException().isThrownBy(() -> SparseVector.parse("nope"))
			.withMessage("Not a sparsevec literal: 'nope'");
	}

}
