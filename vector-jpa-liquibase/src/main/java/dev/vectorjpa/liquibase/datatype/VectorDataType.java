package dev.vectorjpa.liquibase.datatype;

import dev.vectorjpa.mapping.VectorType;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.LiquibaseDataType;

/**
 * The column type {@code vector(n)}: pgvector's single-precision vector on PostgreSQL.
 *
 * @since 0.1
 */
@DataTypeInfo(name = "vector", minParameters = 0, maxParameters = 1, priority = LiquibaseDataType.PRIORITY_DATABASE,
		description = "pgvector vector(dimensions)")
public class VectorDataType extends PgVectorDataType {

	/** Creates the type; Liquibase instantiates it per column definition. */
	public VectorDataType() {
		super(VectorType.VECTOR);
	}

}
