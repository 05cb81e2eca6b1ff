package dev.vectorjpa.liquibase.datatype;

import java.util.regex.Pattern;

import dev.vectorjpa.mapping.VectorType;
import liquibase.change.core.LoadDataChange;
import liquibase.database.Database;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.datatype.core.BooleanType;

/**
 * The column type {@code bit(n)}: a pgvector binary vector on PostgreSQL, with bit-string values ({@code 1011}).
 * <p>
 * Liquibase registers {@code bit} as an alias of {@code boolean}. A bare {@code bit} keeps that meaning here,
 * delegated to Liquibase's own {@link BooleanType}, so existing changelogs are unchanged; only {@code bit(n)} with a
 * length is the binary vector type.
 *
 * @since 0.1
 */
@DataTypeInfo(name = "bit", minParameters = 0, maxParameters = 1, priority = LiquibaseDataType.PRIORITY_DATABASE,
		description = "pgvector binary vector bit(length)")
public class BitDataType extends PgVectorDataType {

	private static final Pattern BITS = Pattern.compile("[01]+");

	/** Creates the type; Liquibase instantiates it per column definition. */
	public BitDataType() {
		super(VectorType.BIT);
	}

	/** Whether a length was given, making this a binary vector rather than Liquibase's boolean {@code bit}. */
	public boolean isBitVector() {
		return getParameters().length > 0;
	}

	@Override
	public DatabaseDataType toDatabaseDataType(Database database) {
		return isBitVector() ? super.toDatabaseDataType(database) : booleanType().toDatabaseDataType(database);
	}

	@Override
	public String objectToSql(Object value, Database database) {
		if (!isBitVector()) {
			return booleanType().objectToSql(value, database);
		}
		if (value instanceof String && BITS.matcher((String) value).matches()) {
			return "B'" + value + "'";
		}
		return super.objectToSql(value, database);
	}

	@Override
	public Object sqlToObject(String value, Database database) {
		return isBitVector() ? super.sqlToObject(value, database) : booleanType().sqlToObject(value, database);
	}

	@Override
	public LoadDataChange.LOAD_DATA_TYPE getLoadTypeName() {
		return isBitVector() ? super.getLoadTypeName() : LoadDataChange.LOAD_DATA_TYPE.BOOLEAN;
	}

	private LiquibaseDataType booleanType() {
		BooleanType booleanType = new BooleanType();
		booleanType.setAdditionalInformation(getAdditionalInformation());
		booleanType.finishInitialization(getRawDefinition());
		return booleanType;
	}

}
