package dev.vectorjpa.hibernate;

import com.pgvector.PGvector;
import org.jspecify.annotations.Nullable;

/**
 * A bound {@code vector} value: pgvector-java's {@link PGvector} (a {@code PGBinaryObject}, so pgjdbc sends it in
 * pgvector's binary form wherever binary send of {@code vector} is on, e.g. inside a search's
 * {@code BinaryVectorTransfer.transferring} scope), whose text form, sent everywhere else, is written by
 * {@link VectorTextFormatter} (several times faster than {@code PGvector#getValue} on Java 17).
 *
 * @since 0.1
 */
final class PgVectorParameter extends PGvector {

	private static final long serialVersionUID = 1L;

	PgVectorParameter(float[] values) {
		super(values);
	}

	@Override
	public @Nullable String getValue() {
		float[] values = toArray();
		return (values != null) ? VectorTextFormatter.format(values) : null;
	}

}
