package dev.vectorjpa.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.repository.SearchOptions;

/**
 * Applies {@link SearchOptions} to the current transaction in one round trip: {@code SELECT set_config(name, ?, true),
 * ...} is {@code SET LOCAL} with bound values. Only what is set is sent; nothing at all when nothing is set.
 * ({@code exact} is not a server setting: exact searches use an ORDER BY form no approximate index serves.)
 *
 * @since 0.1
 */
public final class SearchSettings {

	private SearchSettings() {
	}

	/**
	 * Sets the options on {@code connection} for the rest of its current transaction.
	 * @return whether a statement was sent
	 */
	public static boolean apply(Connection connection, SearchOptions options) throws SQLException {
		if (!options.hasServerSettings()) {
			return false;
		}
		List<String> names = new ArrayList<>(7);
		List<String> values = new ArrayList<>(7);
		options.efSearch().ifPresent((value) -> add(names, values, "hnsw.ef_search", Integer.toString(value)));
		options.probes().ifPresent((value) -> add(names, values, "ivfflat.probes", Integer.toString(value)));
		options.iterativeScan().ifPresent((scan) -> {
			add(names, values, "hnsw.iterative_scan", scan.setting());
			// ivfflat has no strict ordering: relaxed is its only iterative mode
			add(names, values, "ivfflat.iterative_scan",
					(scan == SearchOptions.IterativeScan.OFF) ? "off" : "relaxed_order");
		});
		options.maxScanTuples()
			.ifPresent((value) -> add(names, values, "hnsw.max_scan_tuples", Integer.toString(value)));
		if (names.isEmpty()) {
			return false;
		}
		StringBuilder sql = new StringBuilder("SELECT ");
		for (int i = 0; i < names.size(); i++) {
			sql.append((i > 0) ? ", " : "").append("set_config(?, ?, true)");
		}
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			for (int i = 0; i < names.size(); i++) {
				statement.setString(2 * i + 1, names.get(i));
				statement.setString(2 * i + 2, values.get(i));
			}
			statement.executeQuery().close();
		}
		return true;
	}

	private static void add(List<String> names, List<String> values, String name, String value) {
		names.add(name);
		values.add(value);
	}

}
