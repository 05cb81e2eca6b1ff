package dev.vectorjpa.repository.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Remembers for a while what the bounded count of a filter (statement, values, domain, bound) said, so that the next
 * calls with the same filter run one plain statement instead of the adaptive one: the index statement when the filter
 * matched at least the bound (the count's expensive case: the planner often reads a broad filter's rows from the
 * table itself), the exact statement when it matched fewer (the adaptive statement's planning and count cost a
 * selective search more than its exact scan). Entries last {@value #TTL_MILLIS} ms; a filter whose rows changed since
 * runs the right statement again after that time, and either statement stays correct meanwhile: an exact scan of a
 * filter that grew is slower, not wrong, and an index scan of a filter that shrank below k is widened to the exact
 * scan by the caller.
 */
final class FilteredCountCache {

	static final long TTL_MILLIS = 60_000;

	private static final int MAX_ENTRIES = 1024;

	/** A count's outcome and when it expires. */
	private record Entry(boolean many, long until) {
	}

	private final Map<List<Object>, Entry> counts = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Object>, Entry> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	/**
	 * Whether {@code key} matched at least the bound ({@code true}) or fewer rows ({@code false}) less than
	 * {@value #TTL_MILLIS} ms ago; {@code null} when not known.
	 */
	synchronized @Nullable Boolean many(List<Object> key) {
		Entry entry = this.counts.get(key);
		if (entry == null) {
			return null;
		}
		if (entry.until() < System.currentTimeMillis()) {
			this.counts.remove(key);
			return null;
		}
		return entry.many();
	}

	/** Records whether {@code key} matched at least the bound. */
	synchronized void remember(List<Object> key, boolean many) {
		this.counts.put(key, new Entry(many, System.currentTimeMillis() + TTL_MILLIS));
	}

}
