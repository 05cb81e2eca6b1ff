package dev.vectorjpa.liquibase.datatype;

import dev.vectorjpa.mapping.VectorType;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.LiquibaseDataType;

/**
 * The column type {@code halfvec(n)}: pgvector's half-precision vector on PostgreSQL.
 *
 * @since 0.1
 */
@DataTypeInfo(name = "halfvec", minParameters = 0, maxParameters = 1, priority = LiquibaseDataType.PRIORITY_DATABASE,
		description = "pgvector halfvec(dimensions)")
public class HalfvecDataType extends PgVectorDataType {

	/** Creates the type; Liquibase instantiates it per column definition. */
	public HalfvecDataType() {
		super(VectorType.HALFVEC);
	}

}
