package dev.vectorjpa.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The schema a {@link DatabaseTest} class runs in: its own tables first on the search path, then {@code public}.
 */
public final class TestSchema {

	static volatile @Nullable TestSchema current;

	private final PostgresDatabase database;

	private final String name;

	private TestSchema(PostgresDatabase database, String name) {
		this.database = database;
		this.name = name;
	}

	static TestSchema create(PostgresDatabase database, String name) {
		TestSchema schema = new TestSchema(database, name);
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test schema " + name + ": " + ex.getMessage(), ex);
		}
		return schema;
	}

	/** The schema of the test class that is running. */
	public static TestSchema current() {
		TestSchema schema = current;
		if (schema == null) {
			throw new IllegalStateException("No test schema: annotate the test class with @DatabaseTest");
		}
		return schema;
	}

	/** The server this schema lives on. */
	public PostgresDatabase database() {
		return this.database;
	}

	/** The schema's name. */
	public String name() {
		return this.name;
	}

	/** JDBC URL whose connections use this schema. */
	public String jdbcUrl() {
		return this.database.jdbcUrl(this.name);
	}

	/** A new connection in this schema. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl());
	}

	/** A non-pooling data source for this schema. */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		return dataSource;
	}

	/** Runs statements in this schema, failing the test on an error. */
	public void execute(String... sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** The rows of a query as lists of column values. */
	public List<List<Object>> query(String sql) {
		List<List<Object>> rows = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<Object> row = new ArrayList<>(columns);
				for (int i = 1; i <= columns; i++) {
					row.add(rs.getObject(i));
				}
				rows.add(row);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		return rows;
	}

	/** Drops the schema and everything in it (the extension lives in {@code public} and stays). */
	void drop() {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET client_min_messages = warning");
			statement.execute("DROP SCHEMA IF EXISTS \"" + this.name + "\" CASCADE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop test schema " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return this.name + " on " + this.database.redacted();
	}

}
