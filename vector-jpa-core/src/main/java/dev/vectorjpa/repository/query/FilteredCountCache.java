package dev.vectorjpa.repository.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers for a while which filters (statement, values, domain) matched at least the exact-scan bound: for them the
 * adaptive statement's count is bound with {@code LIMIT 0} and costs nothing, and the index branch runs. Worth it
 * because reaching the bound is the count's expensive case: the planner often reads a broad filter's rows from the
 * table itself (bound / selectivity rows), while a selective filter's few rows come from its index. Only "many" is
 * cached, for {@value #TTL_MILLIS} ms: a filter that shrinks below the bound is seen again within that time.
 */
final class FilteredCountCache {

	static final long TTL_MILLIS = 60_000;

	private static final int MAX_ENTRIES = 1024;

	private final Map<List<Object>, Long> many = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Object>, Long> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	/** Whether {@code key} matched at least the bound less than {@value #TTL_MILLIS} ms ago. */
	synchronized boolean isMany(List<Object> key) {
		Long until = this.many.get(key);
		if (until == null) {
			return false;
		}
		if (until < System.currentTimeMillis()) {
			this.many.remove(key);
			return false;
		}
		return true;
	}

	/** Records that {@code key} matched at least the bound. */
	synchronized void rememberMany(List<Object> key) {
		this.many.put(key, System.currentTimeMillis() + TTL_MILLIS);
	}

}
