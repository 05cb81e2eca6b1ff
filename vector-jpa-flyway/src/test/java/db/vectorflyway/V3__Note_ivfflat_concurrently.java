package db.vectorflyway;

import dev.vectorjpa.Metric;
import dev.vectorjpa.flyway.VectorDdlMigration;
import dev.vectorjpa.index.VectorIndexDefinition;
import dev.vectorjpa.index.VectorSchemaDdl;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;

/**
 * An index built {@code CONCURRENTLY}: the migration runs outside a transaction.
 */
public class V3__Note_ivfflat_concurrently extends VectorDdlMigration {

	public V3__Note_ivfflat_concurrently() {
		super(VectorSchemaDdl.createIndex(new VectorIndexDefinition(null, "notes", "embedding", VectorType.VECTOR,
				Metric.EUCLIDEAN, IndexType.IVFFLAT, null, null, 10, true, null, null)));
	}

}
