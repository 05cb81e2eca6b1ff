package dev.vectorjpa.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Runs one store call on a connection: the one of the Spring-managed transaction when there is one (so the call
 * joins it), else in a transaction of its own, so that a failing call leaves nothing half-written.
 */
final class StoreTransactions {

	private final DataSource dataSource;

	private final SQLExceptionTranslator translator = new SQLExceptionSubclassTranslator();

	StoreTransactions(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/** Whether a Spring-managed transaction holds a connection of this data source. */
	boolean inOuterTransaction(Connection connection) {
		return DataSourceUtils.isConnectionTransactional(connection, this.dataSource);
	}

	<T> T execute(String task, Work<T> work) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (inOuterTransaction(connection)) {
				return work.run(connection);
			}
			return inTransaction(connection, work);
		}
		catch (SQLException ex) {
			throw translate(task, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/** Runs {@code work} in a transaction of its own on a connection of its own, outside any caller's transaction. */
	<T> T executeSeparately(String task, Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			return inTransaction(connection, work);
		}
		catch (SQLException ex) {
			throw translate(task, ex);
		}
	}

	/**
	 * Runs a single read statement: in the Spring-managed transaction when there is one, else as it comes (one
	 * statement is atomic on its own, and skipping BEGIN/COMMIT saves a round trip on the search path).
	 */
	<T> T read(String task, Work<T> work) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw translate(task, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/** Runs {@code work} in a transaction of its own on {@code connection}, restoring its auto-commit mode. */
	private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		if (autoCommit) {
			connection.setAutoCommit(false);
		}
		try {
			T result = work.run(connection);
			connection.commit();
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			rollback(connection, ex);
			throw ex;
		}
		finally {
			if (autoCommit) {
				connection.setAutoCommit(true);
			}
		}
	}

	DataAccessException translate(String task, SQLException ex) {
		DataAccessException translated = this.translator.translate(task, null, ex);
		return (translated != null) ? translated : new UncategorizedSQLException(task, null, ex);
	}

	private static void rollback(Connection connection, Throwable failure) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	/** Work on a connection. */
	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

}
