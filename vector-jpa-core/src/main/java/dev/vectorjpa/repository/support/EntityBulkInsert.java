package dev.vectorjpa.repository.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.vectorjpa.hibernate.EntityEmbeddings;
import dev.vectorjpa.hibernate.MappedAttribute;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import dev.vectorjpa.hibernate.VectorValueValidator;
import dev.vectorjpa.jdbc.CopyColumnEncoder;
import dev.vectorjpa.jdbc.PgCopyWriter;
import dev.vectorjpa.observation.VectorJpaObservations;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.Assigned;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.id.UUIDGenerator;
import org.hibernate.id.uuid.UuidGenerator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code VectorRepository#bulkInsert}: streams entities into their table with binary {@code COPY} on the connection
 * of the current transaction, in constant memory. Columns come from Hibernate's runtime metamodel (every insertable
 * column, embeddables and to-one foreign keys included); each column's binary encoder is chosen from its real type in
 * the catalog on first use. Vectors are validated row by row before they are written; any failure cancels the COPY,
 * so nothing of the call is written. With ids that need no database (assigned, UUID) one COPY streams every row;
 * with sequence ids, rows go in chunks whose ids are generated before the chunk's COPY starts.
 *
 * @param <T> the entity type
 */
final class EntityBulkInsert<T> {

	private static final Log logger = LogFactory.getLog(EntityBulkInsert.class);

	/** Rows between progress log lines. */
	static final long PROGRESS_INTERVAL = 100_000;

	/** Rows prepared (ids, checks, JDBC values) before each COPY statement. */
	static final int CHUNK_SIZE = 5_000;

	private final Class<T> entityType;

	private final EntityManager entityManager;

	private final EntityPersister persister;

	private final String table;

	private final List<AttributeMapping> attributes = new ArrayList<>();

	private final List<Column> columns = new ArrayList<>();

	private final Map<String, VectorAttribute> vectorChecks = new HashMap<>();

	private final @Nullable String domainColumn;

	private final Supplier<@Nullable String> currentDomain;

	private final TransactionTemplate transaction;

	private final Consumer<Class<?>> afterInsert;

	private volatile @Nullable List<CopyColumnEncoder> encoders;

	private VectorJpaObservations observations = VectorJpaObservations.noop();

	private final @Nullable EntityEmbeddings embeddings;

	void setObservations(VectorJpaObservations observations) {
		this.observations = observations;
	}

	EntityBulkInsert(Class<T> entityType, EntityManagerFactory entityManagerFactory, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Supplier<@Nullable String> currentDomain,
			Consumer<Class<?>> afterInsert) {
		this.entityType = entityType;
		this.entityManager = entityManager;
		this.currentDomain = currentDomain;
		this.afterInsert = afterInsert;
		this.transaction = new TransactionTemplate(transactionManager);
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		this.persister = sessionFactory.getMappingMetamodel().getEntityDescriptor(entityType);
		this.embeddings = EntityEmbeddings.of(entityManagerFactory).orElse(null);
		VectorEntityMetadata metadata = VectorEntityMetadata.of(entityManagerFactory, entityType);
		this.table = metadata.table();
		if (this.persister.getEntityMetamodel().isPolymorphic() || this.persister.getDiscriminatorMapping() != null) {
			throw new IllegalStateException("bulkInsert does not support entity inheritance (" + entityType.getName()
					+ ")");
		}
		this.persister.getIdentifierMapping().forEachSelectable((index, selectable) -> addColumn(selectable));
		this.persister.forEachAttributeMapping((attribute) -> {
			if (attribute instanceof PluralAttributeMapping || !attribute.getAttributeMetadata().isInsertable()) {
				return;
			}
			int before = this.columns.size();
			attribute.forEachSelectable((index, selectable) -> {
				if (selectable.isInsertable() && !selectable.isFormula()) {
					addColumn(selectable);
				}
			});
			if (this.columns.size() > before) {
				this.attributes.add(attribute);
			}
		});
		for (VectorAttribute vector : metadata.vectorAttributes()) {
			this.vectorChecks.put(vector.name(), vector);
		}
		MappedAttribute domain = metadata.domain();
		this.domainColumn = (domain != null) ? domain.name() : null;
	}

	private void addColumn(SelectableMapping selectable) {
		if (!selectable.getContainingTableExpression().equals(this.persister.getIdentifierTableName())) {
			throw new IllegalStateException("bulkInsert writes one table; " + this.entityType.getSimpleName()
					+ " maps column " + selectable.getSelectionExpression() + " to "
					+ selectable.getContainingTableExpression());
		}
		this.columns.add(new Column(selectable.getSelectionExpression()));
	}

	/** Writes {@code entities}, returning the number of rows. */
	int insert(Iterable<? extends T> entities) {
		if (entities == null) {
			throw new IllegalArgumentException("Entities to bulk insert must not be null");
		}
		return this.observations.bulkInsert(this.entityType.getSimpleName(), () -> {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				return copy(entities);
			}
			Integer rows = this.transaction.execute((status) -> copy(entities));
			return (rows != null) ? rows : 0;
		});
	}

	private int copy(Iterable<? extends T> entities) {
		Session session = this.entityManager.unwrap(Session.class);
		SharedSessionContractImplementor implementor = session.unwrap(SharedSessionContractImplementor.class);
		Generator generator = this.persister.getGenerator();
		String domain = (this.domainColumn != null) ? this.currentDomain.get() : null;
		long[] written = { 0 };
		session.doWork((connection) -> {
			List<CopyColumnEncoder> encoders = encoders(connection);
			List<String> quoted = new ArrayList<>(this.columns.size());
			for (Column column : this.columns) {
				quoted.add(column.expression());
			}
			// embeddedFrom vectors are computed a batch ahead of the rows that need them
			Iterator<? extends T> iterator = (this.embeddings != null)
					? this.embeddings.embedding(this.persister, entities.iterator()) : entities.iterator();
			if (!needsDatabaseForIds(generator)) {
				// Ids are assigned or generated in memory: one COPY streams every row as it is prepared, so the client
				// prepares the next rows while the server stores the previous ones.
				try (PgCopyWriter writer = PgCopyWriter.open(connection, this.table, quoted)) {
					writer.onProgress(PROGRESS_INTERVAL, (rows) -> logger.info("bulkInsert into " + this.table + ": "
							+ rows + " rows written"));
					Object[] values = new Object[this.columns.size()];
					while (iterator.hasNext()) {
						row(next(iterator, writer.rowsWritten()), implementor, generator, domain, values);
						writeRow(writer, encoders, values);
					}
					written[0] = writer.finish();
				}
				return;
			}
			// A sequence generator queries the database, which cannot happen on a connection in COPY mode: rows go in
			// chunks whose ids and checks are done before the chunk's COPY starts; memory stays bounded.
			Object[][] chunk = new Object[CHUNK_SIZE][];
			int size = 0;
			while (iterator.hasNext()) {
				T entity = next(iterator, written[0] + size);
				Object[] values = (chunk[size] != null) ? chunk[size] : new Object[this.columns.size()];
				row(entity, implementor, generator, domain, values);
				chunk[size++] = values;
				if (size == CHUNK_SIZE) {
					written[0] += write(connection, quoted, encoders, chunk, size, written[0]);
					size = 0;
				}
			}
			if (size > 0) {
				written[0] += write(connection, quoted, encoders, chunk, size, written[0]);
			}
		});
		if (written[0] >= PROGRESS_INTERVAL) {
			logger.info("bulkInsert into " + this.table + ": " + written[0] + " rows in total");
		}
		this.afterInsert.accept(this.entityType);
		return Math.toIntExact(written[0]);
	}

	private long write(Connection connection, List<String> quoted, List<CopyColumnEncoder> encoders, Object[][] chunk,
			int size, long before) throws SQLException {
		try (PgCopyWriter writer = PgCopyWriter.open(connection, this.table, quoted)) {
			for (int row = 0; row < size; row++) {
				writeRow(writer, encoders, chunk[row]);
			}
			long rows = writer.finish();
			if ((before + rows) / PROGRESS_INTERVAL > before / PROGRESS_INTERVAL) {
				logger.info("bulkInsert into " + this.table + ": " + (before + rows) + " rows written");
			}
			return rows;
		}
	}

	private static void writeRow(PgCopyWriter writer, List<CopyColumnEncoder> encoders, Object[] values)
			throws SQLException {
		writer.startRow();
		for (int i = 0; i < values.length; i++) {
			encoders.get(i).write(writer, values[i]);
		}
		writer.endRow();
	}

	private T next(Iterator<? extends T> iterator, long position) {
		T entity = iterator.next();
		if (entity == null) {
			throw new IllegalArgumentException("bulkInsert got a null entity at position " + position);
		}
		return entity;
	}

	/** Whether generating an id may query the database (a sequence, a table, a custom generator). */
	private static boolean needsDatabaseForIds(@Nullable Generator generator) {
		return !(generator == null || generator instanceof Assigned || generator instanceof org.hibernate.id.Assigned
				|| generator instanceof UuidGenerator || generator instanceof UUIDGenerator);
	}

	private void row(T entity, SharedSessionContractImplementor session, Generator generator, @Nullable String domain,
			Object[] values) {
		Object id = this.persister.getIdentifier(entity, session);
		if (id == null) {
			if (generator == null || generator.generatedOnExecution() || !(generator instanceof BeforeExecutionGenerator before)) {
				throw new IllegalArgumentException("bulkInsert needs ids it can write: " + this.entityType.getSimpleName()
						+ " has a null id and its ids are generated by the database (identity); use assigned ids, "
						+ "@GeneratedValue(strategy = GenerationType.UUID) or a sequence");
			}
			// UUID and sequence generators run here: a pooled sequence pre-allocates ids in blocks
			id = before.generate(session, entity, null, EventType.INSERT);
			this.persister.setIdentifier(entity, id, session);
		}
		int[] column = { 0 };
		this.persister.getIdentifierMapping().breakDownJdbcValues(id, (index, value, selectable) -> values[column[0]++] = value,
				session);
		for (AttributeMapping attribute : this.attributes) {
			Object value = attribute.getPropertyAccess().getGetter().get(entity);
			String name = attribute.getAttributeName();
			VectorAttribute vector = this.vectorChecks.get(name);
			if (vector != null) {
				VectorValueValidator.validate(vector, value);
			}
			if (name.equals(this.domainColumn) && domain != null) {
				if (value != null && !domain.equals(value)) {
					throw new IllegalArgumentException(this.entityType.getSimpleName() + "." + name + " is '" + value
							+ "' but the current domain is '" + domain + "'");
				}
				value = domain;
			}
			int before = column[0];
			attribute.breakDownJdbcValues(value, (index, jdbcValue, selectable) -> values[column[0]++] = jdbcValue,
					session);
			if (column[0] == before) {
				// a null to-one association or embeddable breaks down to nothing: its columns are null
				for (int i = 0; i < attribute.getJdbcTypeCount(); i++) {
					values[column[0]++] = null;
				}
			}
		}
	}

	private List<CopyColumnEncoder> encoders(Connection connection) throws SQLException {
		List<CopyColumnEncoder> cached = this.encoders;
		if (cached != null) {
			return cached;
		}
		Map<String, String> types = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname, t.typname FROM pg_attribute a "
				+ "JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ?::regclass AND a.attnum > 0 "
				+ "AND NOT a.attisdropped")) {
			statement.setString(1, this.table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					types.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		List<CopyColumnEncoder> encoders = new ArrayList<>(this.columns.size());
		for (Column column : this.columns) {
			String type = types.get(column.catalogName());
			if (type == null) {
				throw new IllegalStateException("Table " + this.table + " has no column " + column.expression()
						+ " mapped by " + this.entityType.getSimpleName());
			}
			encoders.add(CopyColumnEncoder.forType(type, this.table + "." + column.expression()));
		}
		this.encoders = List.copyOf(encoders);
		return this.encoders;
	}

	private record Column(String expression) {

		String catalogName() {
			boolean quoted = this.expression.length() > 1 && this.expression.startsWith("\"")
					&& this.expression.endsWith("\"");
			return quoted ? this.expression.substring(1, this.expression.length() - 1).replace("\"\"", "\"")
					: this.expression.toLowerCase(Locale.ROOT);
		}

	}

}
