package dev.vectorjpa.liquibase.datatype;

import dev.vectorjpa.mapping.VectorType;
import liquibase.change.core.LoadDataChange;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.exception.UnexpectedLiquibaseException;

/**
 * A pgvector column type written exactly as pgvector spells it, {@code vector(n)} rather than Liquibase's
 * upper-cased unknown type, with its dimensions checked against pgvector's limit.
 *
 * @since 0.1
 */
public abstract class PgVectorDataType extends LiquibaseDataType {

	private final VectorType vectorType;

	/** Creates the type for one pgvector column type. */
	protected PgVectorDataType(VectorType vectorType) {
		this.vectorType = vectorType;
	}

	/** The pgvector type this Liquibase type writes. */
	public VectorType getVectorType() {
		return this.vectorType;
	}

	@Override
	public boolean supports(Database database) {
		return database instanceof PostgresDatabase;
	}

	@Override
	public DatabaseDataType toDatabaseDataType(Database database) {
		Object[] parameters = getParameters();
		if (parameters.length == 0) {
			// pgvector accepts a column without dimensions (any length); it cannot be indexed.
			return new DatabaseDataType(this.vectorType.sqlName());
		}
		return new DatabaseDataType(this.vectorType.sqlType(dimensions(parameters)));
	}

	private int dimensions(Object[] parameters) {
		String definition = getRawDefinition();
		if (parameters.length > 1) {
			throw new UnexpectedLiquibaseException("Column type '" + definition + "' takes one parameter, the dimensions, e.g. "
					+ this.vectorType.sqlType(384));
		}
		int dimensions;
		try {
			dimensions = Integer.parseInt(parameters[0].toString().trim());
		}
		catch (NumberFormatException ex) {
			dimensions = 0;
		}
		if (dimensions < 1 || dimensions > this.vectorType.maxDimensions()) {
			throw new UnexpectedLiquibaseException("Column type '" + definition + "': dimensions must be a whole number from 1 to "
					+ this.vectorType.maxDimensions() + ", got '" + parameters[0] + "'");
		}
		return dimensions;
	}

	@Override
	public LoadDataChange.LOAD_DATA_TYPE getLoadTypeName() {
		return LoadDataChange.LOAD_DATA_TYPE.STRING;
	}

}
