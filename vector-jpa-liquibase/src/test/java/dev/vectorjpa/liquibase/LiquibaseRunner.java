package dev.vectorjpa.liquibase;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import dev.vectorjpa.test.TestSchema;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Runs Liquibase commands through its Java API ({@code CommandScope}, the same in 4.33 and 5.x) against a test
 * schema, with the changelog tables in that schema.
 */
final class LiquibaseRunner implements AutoCloseable {

	// Liquibase logs every step through java.util.logging at INFO; keep a reference so the level sticks.
	private static final java.util.logging.Logger LIQUIBASE_LOG = quiet();

	private final Connection connection;

	private final Database database;

	LiquibaseRunner(TestSchema schema) throws Exception {
		this.connection = schema.connect();
		this.database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(this.connection));
		this.database.setDefaultSchemaName(schema.name());
	}

	void update(String changelog) throws Exception {
		run("update", changelog, Map.of());
	}

	String updateSql(String changelog) throws Exception {
		return run("updateSql", changelog, Map.of());
	}

	void rollbackCount(String changelog, int count) throws Exception {
		run("rollbackCount", changelog, Map.of("count", count));
	}

	private String run(String command, String changelog, Map<String, Object> arguments) throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(),
				new ClassLoaderResourceAccessor(LiquibaseRunner.class.getClassLoader()));
		Scope.child(scope, () -> {
			CommandScope commandScope = new CommandScope(command);
			commandScope.addArgumentValue("changelogFile", changelog);
			commandScope.addArgumentValue("database", this.database);
			arguments.forEach(commandScope::addArgumentValue);
			commandScope.setOutput(output);
			commandScope.execute();
		});
		return output.toString(StandardCharsets.UTF_8);
	}

	private static java.util.logging.Logger quiet() {
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger("liquibase");
		logger.setLevel(java.util.logging.Level.WARNING);
		return logger;
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
