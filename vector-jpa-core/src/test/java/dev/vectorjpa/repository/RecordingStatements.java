package dev.vectorjpa.repository;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL a session prepares.
 */
class RecordingStatements implements StatementInspector {

	private final List<String> statements = new CopyOnWriteArrayList<>();

	@Override
	public String inspect(String sql) {
		this.statements.add(sql);
		return sql;
	}

	List<String> all() {
		return List.copyOf(this.statements);
	}

	String last() {
		return this.statements.get(this.statements.size() - 1);
	}

	void clear() {
		this.statements.clear();
	}

}
