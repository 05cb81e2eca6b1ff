package dev.vectorjpa.index;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code @VectorIndex(where = ...)} becomes a partial index with a name of its own and its predicate in the DDL.
 */
class PartialIndexDefinitionUnitTests {

	private static final VectorIndexDefinition FULL = new VectorIndexDefinition(null, "document", "embedding",
			VectorType.VECTOR, Metric.COSINE, IndexType.HNSW, 16, 64, null, false, null, null);

	@Test
	void partialIndexHasItsOwnNameAndPredicate() {
		VectorIndexDefinition partial = IndexDefinitions.partial(FULL, "section = 'database'", "Document.embedding");
		assertThat(partial.indexName()).matches("document_embedding_hnsw_cosine_idx_p[0-9a-f]{8}");
		assertThat(partial.createSql()).isEqualTo("CREATE INDEX IF NOT EXISTS \"" + partial.indexName()
				+ "\" ON \"document\" USING hnsw (\"embedding\" vector_cosine_ops) WITH (m = 16, ef_construction = 64)"
				+ " WHERE section = 'database'");
		assertThat(IndexDefinitions.partial(FULL, "section = 'news'", "Document.embedding").indexName())
			.isNotEqualTo(partial.indexName());
	}

	@Test
	void partialPredicateMustBeOneStatementWithoutComments() {
		for (String where : new String[] { "a = 1; DROP TABLE x", "a = 1 -- b", "a = 1 /* b */" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> IndexDefinitions.partial(FULL, where, "Document.embedding"))
				.withMessage("@VectorIndex(where = \"" + where + "\") on Document.embedding must be a single SQL "
						+ "predicate, without ';' or comments");
		}
	}

}
