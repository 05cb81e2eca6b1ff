package dev.vectorjpa.repository.query;

import java.util.function.BiConsumer;

import dev.vectorjpa.hibernate.EntityColumns;
import org.jspecify.annotations.Nullable;

/**
 * A mandatory condition added to every statement vector-jpa generates for an entity (the hook multi-tenancy uses to
 * restrict queries to the current domain): rendered once at start-up, bound per call.
 *
 * @since 0.1
 */
public interface QueryScope {

	/** No extra condition. */
	QueryScope NONE = new QueryScope() {

		@Override
		public @Nullable String condition(EntityColumns columns) {
			return null;
		}

		@Override
		public void bind(BiConsumer<String, Object> binder) {
		}

	};

	/**
	 * The condition for the entity {@code columns} resolves, using named parameters starting with {@code vjpa_scope},
	 * or {@code null} for none; called once per generated statement at start-up.
	 */
	@Nullable String condition(EntityColumns columns);

	/** Binds the parameters of {@link #condition} for the current call (name, value). */
	void bind(BiConsumer<String, Object> binder);

}
