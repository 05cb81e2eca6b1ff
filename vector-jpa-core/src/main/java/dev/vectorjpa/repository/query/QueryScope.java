package dev.vectorjpa.repository.query;

import java.util.function.BiConsumer;

import dev.vectorjpa.hibernate.EntityColumns;
import org.hibernate.SharedSessionContract;
import org.jspecify.annotations.Nullable;

/**
 * Contributes a mandatory condition to every statement vector-jpa generates for an entity (the hook multi-tenancy
 * uses to restrict queries to the current domain): the condition is rendered once per statement at start-up, its
 * parameters are bound on every call.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface QueryScope {

	/** No extra condition. */
	QueryScope NONE = (columns) -> null;

	/**
	 * The condition for the entity {@code columns} resolves (see {@link EntityColumns#entityType()}), or {@code null}
	 * when its statements need none.
	 */
	@Nullable Condition condition(EntityColumns columns);

	/** A rendered condition and the binding of its parameters. */
	interface Condition {

		/** SQL over the aliases of {@link EntityColumns}, with named parameters starting with {@code vjpa_scope}. */
		String sql();

		/** Binds the parameters of {@link #sql()} for the current call (name, value). */
		void bind(BiConsumer<String, Object> binder);

		/**
		 * Binds the parameters of {@link #sql()} for a call running on {@code session} (a condition that depends on
		 * the session, such as its domain, reads it from there).
		 */
		default void bind(SharedSessionContract session, BiConsumer<String, Object> binder) {
			bind(binder);
		}

	}

}
