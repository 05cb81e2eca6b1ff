package dev.vectorjpa.liquibase;

import dev.vectorjpa.liquibase.datatype.BitDataType;
import dev.vectorjpa.liquibase.datatype.VectorDataType;
import liquibase.database.Database;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.datatype.DataTypeFactory;
import liquibase.datatype.LiquibaseDataType;
import liquibase.datatype.core.BooleanType;
import liquibase.exception.UnexpectedLiquibaseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Column types as {@code createTable}/{@code addColumn} resolve them.
 */
class VectorDataTypeUnitTests {

	private final PostgresDatabase postgres = new PostgresDatabase();

	@Test
	void pgvectorTypesAreWrittenExactlyAsPgvectorSpellsThem() {
		assertThat(sql("vector(3)")).isEqualTo("vector(3)");
		assertThat(sql("VECTOR(384)")).isEqualTo("vector(384)");
		assertThat(sql("halfvec(4)")).isEqualTo("halfvec(4)");
		assertThat(sql("sparsevec(5)")).isEqualTo("sparsevec(5)");
		assertThat(sql("bit(8)")).isEqualTo("bit(8)");
		assertThat(sql("vector")).isEqualTo("vector");
	}

	@Test
	void bareBitKeepsLiquibasesBooleanMeaning() {
		LiquibaseDataType bare = type("bit");
		assertThat(bare).isInstanceOf(BitDataType.class);
		assertThat(((BitDataType) bare).isBitVector()).isFalse();
		BooleanType liquibase = new BooleanType();
		liquibase.finishInitialization("bit");
		assertThat(sql("bit")).isEqualTo(liquibase.toDatabaseDataType(this.postgres).toSql());
		assertThat(bare.objectToSql("true", this.postgres)).isEqualTo("TRUE");
	}

	@Test
	void bitVectorValuesAreBitStrings() {
		assertThat(type("bit(4)").objectToSql("1011", this.postgres)).isEqualTo("B'1011'");
	}

	@Test
	void wrongDimensionsAreRejectedWithTheDefinitionInTheMessage() {
		assertThatExceptionOfType(UnexpectedLiquibaseException.class).isThrownBy(() -> sql("vector(0)"))
			.withMessage("Column type 'vector(0)': dimensions must be a whole number from 1 to 16000, got '0'");
		assertThatExceptionOfType(UnexpectedLiquibaseException.class).isThrownBy(() -> sql("halfvec(abc)"))
			.withMessage("Column type 'halfvec(abc)': dimensions must be a whole number from 1 to 16000, got 'abc'");
		assertThatExceptionOfType(UnexpectedLiquibaseException.class).isThrownBy(() -> sql("vector(3, 4)"))
			.withMessage("Column type 'vector(3, 4)' takes one parameter, the dimensions, e.g. vector(384)");
	}

	@Test
	void otherDatabasesKeepLiquibasesOwnTypes() {
		Database mysql = new MySQLDatabase();
		assertThat(DataTypeFactory.getInstance().fromDescription("vector(3)", mysql)).isNotInstanceOf(VectorDataType.class);
		assertThat(DataTypeFactory.getInstance().fromDescription("bit(8)", mysql)).isInstanceOf(BooleanType.class);
	}

	private LiquibaseDataType type(String definition) {
		return DataTypeFactory.getInstance().fromDescription(definition, this.postgres);
	}

	private String sql(String definition) {
		return type(definition).toDatabaseDataType(this.postgres).toSql();
	}

}
