package dev.vectorjpa.liquibase.datatype;

import dev.vectorjpa.mapping.VectorType;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.LiquibaseDataType;

/**
 * The column type {@code sparsevec(n)}: pgvector's sparse vector on PostgreSQL.
 *
 * @since 0.1
 */
@DataTypeInfo(name = "sparsevec", minParameters = 0, maxParameters = 1, priority = LiquibaseDataType.PRIORITY_DATABASE,
		description = "pgvector sparsevec(dimensions)")
public class SparsevecDataType extends PgVectorDataType {

	/** Creates the type; Liquibase instantiates it per column definition. */
	public SparsevecDataType() {
		super(VectorType.SPARSEVEC);
	}

}
