package dev.vectorjpa.hibernate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL Hibernate prepares, to prove what was (not) sent.
 */
class RecordingStatementInspector implements StatementInspector {

	final List<String> statements = new CopyOnWriteArrayList<>();

	@Override
	public String inspect(String sql) {
		this.statements.add(sql);
		return sql;
	}

}
