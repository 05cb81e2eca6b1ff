package dev.vectorjpa.repository.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vectorjpa.hibernate.DetachedEntityReader;
import jakarta.persistence.metamodel.Type;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.query.spi.NativeQueryInterpreter;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.query.sql.spi.ParameterRecognizer;
import org.hibernate.type.spi.TypeConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Runs a nearest statement whose entities leave the call detached (no caller's transaction) with JDBC, through the
 * session's own connection, statement preparer and exception conversion, and builds the entities with
 * {@link DetachedEntityReader}: the rows are those Hibernate's native query would return ({@code [entity, distance]}
 * or {@code [entity, distance, matches]}), without its per-call query object and result-set mapping. Named parameters
 * are replaced by JDBC's with Hibernate's own parser and bound with the types Hibernate would use.
 */
final class DetachedNearestQuery {

	// statement shapes are few (per method, per rendered filter); a bound keeps user-built filters from growing it
	private static final int MAX_STATEMENTS = 1024;

	private final DetachedEntityReader reader;

	private final SessionFactoryImplementor sessionFactory;

	private final Map<String, Positional> statements = new ConcurrentHashMap<>();

	DetachedNearestQuery(DetachedEntityReader reader, SessionFactoryImplementor sessionFactory) {
		this.reader = reader;
		this.sessionFactory = sessionFactory;
	}

	/** A statement with JDBC parameters, and the name bound at each. */
	private record Positional(String sql, List<String> names) {
	}

	/** The named values of one call, each with the JDBC mapping it binds with. */
	static final class Parameters implements NearestQueryBinder.Target {

		private final TypeConfiguration types;

		private final Map<String, Object[]> values = new HashMap<>();

		private boolean bindable = true;

		Parameters(TypeConfiguration types) {
			this.types = types;
		}

		@Override
		public void set(String name, Object value, @Nullable Type<?> type) {
			// the type Hibernate's setParameter(name, value) infers for the value's class
			Object mapping = (type != null) ? type : (value != null) ? this.types.getBasicTypeForJavaType(value.getClass())
					: null;
			if (mapping instanceof JdbcMapping jdbcMapping) {
				this.values.put(name, new Object[] { value, jdbcMapping });
			}
			else {
				this.bindable = false;
			}
		}

		@Override
		public void setList(String name, Collection<?> values, @Nullable Type<?> type) {
			// Hibernate expands a list into as many parameters as it holds: left to its native query
			this.bindable = false;
		}

		/** Whether every value found a JDBC mapping (else the call runs as Hibernate's native query). */
		boolean bindable() {
			return this.bindable;
		}

	}

	/** The parameters of a call, to be filled by {@link NearestQueryBinder}. */
	Parameters parameters() {
		return new Parameters(this.sessionFactory.getTypeConfiguration());
	}

	/** Runs {@code sql} with {@code parameters} on {@code session}; rows as Hibernate's native query returns them. */
	List<Object[]> list(SharedSessionContractImplementor session, String sql, Parameters parameters, boolean adaptive) {
		Positional statement = positional(sql);
		JdbcCoordinator jdbc = session.getJdbcCoordinator();
		PreparedStatement ps = jdbc.getStatementPreparer().prepareStatement(statement.sql());
		try {
			bind(ps, statement, parameters, session);
			ResultSet rs = jdbc.getResultSetReturn().extract(ps, statement.sql());
			int[] positions = this.reader.positions(rs);
			int distance = rs.findColumn(NearestSql.DISTANCE_COLUMN);
			int matches = adaptive ? rs.findColumn(FilteredNearestSql.MATCHES_COLUMN) : 0;
			List<Object[]> rows = new ArrayList<>();
			while (rs.next()) {
				Object entity = this.reader.read(rs, positions, session);
				Double d = rs.getDouble(distance);
				d = rs.wasNull() ? null : d;
				if (!adaptive) {
					rows.add(new Object[] { entity, d });
					continue;
				}
				Long m = rs.getLong(matches);
				rows.add(new Object[] { entity, d, rs.wasNull() ? null : m });
			}
			return rows;
		}
		catch (SQLException ex) {
			throw session.getJdbcServices().getSqlExceptionHelper().convert(ex, "JDBC exception executing SQL",
					statement.sql());
		}
		finally {
			jdbc.getLogicalConnection().getResourceRegistry().release(ps);
			jdbc.afterStatementExecution();
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void bind(PreparedStatement ps, Positional statement, Parameters parameters,
			SharedSessionContractImplementor session) throws SQLException {
		for (int i = 0; i < statement.names().size(); i++) {
			Object[] bound = parameters.values.get(statement.names().get(i));
			if (bound == null) {
				throw new IllegalStateException("No value bound for parameter '" + statement.names().get(i) + "'");
			}
			JdbcMapping mapping = (JdbcMapping) bound[1];
			((org.hibernate.type.descriptor.ValueBinder) mapping.getJdbcValueBinder())
				.bind(ps, mapping.convertToRelationalValue(bound[0]), i + 1, session);
		}
	}

	private Positional positional(String sql) {
		Positional statement = this.statements.get(sql);
		if (statement != null) {
			return statement;
		}
		StringBuilder text = new StringBuilder(sql.length());
		List<String> names = new ArrayList<>();
		this.sessionFactory.getServiceRegistry()
			.requireService(NativeQueryInterpreter.class)
			.recognizeParameters(sql, new ParameterRecognizer() {

				@Override
				public void ordinalParameter(int sourcePosition) {
					throw new IllegalArgumentException("Ordinal parameter in a nearest statement: " + sql);
				}

				@Override
				public void namedParameter(String name, int sourcePosition) {
					text.append('?');
					names.add(name);
				}

				@Override
				public void jpaPositionalParameter(int label, int sourcePosition) {
					throw new IllegalArgumentException("Positional parameter in a nearest statement: " + sql);
				}

				@Override
				public void other(char character) {
					text.append(character);
				}

			});
		statement = new Positional(text.toString(), List.copyOf(names));
		if (this.statements.size() < MAX_STATEMENTS) {
			this.statements.put(sql, statement);
		}
		return statement;
	}

}
