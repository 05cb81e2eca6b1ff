package dev.vectorjpa.index.usage;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Records the SQL Hibernate sends, so that a test can EXPLAIN exactly what {@code findNearest} ran. */
final class CapturingStatementInspector implements StatementInspector {

	private final List<String> statements = new ArrayList<>();

	@Override
	public synchronized String inspect(String sql) {
		this.statements.add(sql);
		return sql;
	}

	synchronized void clear() {
		this.statements.clear();
	}

	/** The last statement that orders by distance, i.e. the nearest query itself. */
	synchronized String lastNearestQuery() {
		for (int i = this.statements.size() - 1; i >= 0; i--) {
			if (this.statements.get(i).contains(" ORDER BY ")) {
				return this.statements.get(i);
			}
		}
		throw new IllegalStateException("No nearest query was sent; statements: " + this.statements);
	}

}
