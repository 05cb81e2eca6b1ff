package db.vectorflyway;

import dev.vectorjpa.Metric;
import dev.vectorjpa.flyway.VectorDdlMigration;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.index.VectorSchemaDdl;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;

/**
 * The HNSW and full-text indexes vector-jpa would create for {@code notes}, and its row-level security.
 */
public class V2__Note_indexes extends VectorDdlMigration {

	public V2__Note_indexes() {
		super(java.util.stream.Stream
			.concat(java.util.stream.Stream.of(
					VectorSchemaDdl.createIndex(new VectorIndexDefinition(null, "notes", "embedding", VectorType.VECTOR,
							Metric.COSINE, IndexType.HNSW, 16, 64, null, false, null, null)),
					VectorSchemaDdl.createFullTextIndex(null, "notes", "body", "english")),
					VectorSchemaDdl.createRowLevelSecurity(null, "notes", "domain_id").stream())
			.toList());
	}

}
