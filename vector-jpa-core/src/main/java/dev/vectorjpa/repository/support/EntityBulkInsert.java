package dev.vectorjpa.repository.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.vectorjpa.hibernate.DomainTenantIdentifierResolver;
import dev.vectorjpa.hibernate.EntityEmbeddings;
import dev.vectorjpa.hibernate.EntityRowValues;
import dev.vectorjpa.jdbc.CopyColumnEncoder;
import dev.vectorjpa.jdbc.PgCopyWriter;
import dev.vectorjpa.jdbc.SpringTransactions;
import dev.vectorjpa.observation.VectorJpaObservations;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	private final EntityRowValues rows;

	private final String table;

	private final PlatformTransactionManager transactionManager;

	private final Consumer<Class<?>> afterInsert;

	private final @Nullable EntityEmbeddings embeddings;

	private final EntityPersister persister;

	private volatile @Nullable List<CopyColumnEncoder> encoders;

	private VectorJpaObservations observations = VectorJpaObservations.noop();

	void setObservations(VectorJpaObservations observations) {
		this.observations = observations;
	}

	EntityBulkInsert(Class<T> entityType, EntityManagerFactory entityManagerFactory, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Consumer<Class<?>> afterInsert) {
		this.entityType = entityType;
		this.entityManager = entityManager;
		this.afterInsert = afterInsert;
		this.transactionManager = transactionManager;
		this.embeddings = EntityEmbeddings.of(entityManagerFactory).orElse(null);
		this.persister = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(entityType);
		this.rows = new EntityRowValues(entityManagerFactory, entityType);
		this.table = this.rows.table();
	}

	/** Writes {@code entities}, returning the number of rows. */
	int insert(Iterable<? extends T> entities) {
		if (entities == null) {
			throw new IllegalArgumentException("Entities to bulk insert must not be null");
		}
		int rows = this.observations.bulkInsert(this.entityType.getSimpleName(), () -> {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				try {
					return copy(entities);
				}
				catch (RuntimeException | Error ex) {
					// Chunks already copied stay in the caller's transaction: it must not commit them.
					SpringTransactions.markRollbackOnly();
					throw ex;
				}
			}
			// a broken connection fails the rollback too ("Unable to rollback"): the cause is what is reported
			return SpringTransactions.execute(this.transactionManager, TransactionDefinition.withDefaults(),
					() -> copy(entities));
		});
		// Only now that the rows are committed (or part of the caller's transaction): never fails the call.
		afterInsert();
		return rows;
	}

	private void afterInsert() {
		try {
			this.afterInsert.accept(this.entityType);
		}
		catch (RuntimeException ex) {
			logger.warn("bulkInsert into " + this.table + ": rows written, but the index check after it failed: "
					+ ex.getMessage(), ex);
		}
	}

	private int copy(Iterable<? extends T> entities) {
		Session session = this.entityManager.unwrap(Session.class);
		SharedSessionContractImplementor implementor = session.unwrap(SharedSessionContractImplementor.class);
		// the domain of the session the rows are written with, as every other operation of that session uses
		String domain = this.rows.hasDomain()
				? DomainTenantIdentifierResolver.domainOf(implementor.getTenantIdentifierValue()) : null;
		int width = this.rows.columns().size();
		long[] written = { 0 };
		session.doWork((connection) -> {
			List<CopyColumnEncoder> encoders = encoders(connection);
			List<String> quoted = this.rows.columns();
			// embeddedFrom vectors are computed a batch ahead of the rows that need them
			Iterator<? extends T> iterator = (this.embeddings != null)
					? this.embeddings.embedding(this.persister, entities.iterator()) : entities.iterator();
			if (!this.rows.idsNeedDatabase()) {
				// Ids are assigned or generated in memory: one COPY streams every row as it is prepared, so the client
				// prepares the next rows while the server stores the previous ones.
				try (PgCopyWriter writer = PgCopyWriter.open(connection, this.table, quoted)) {
					writer.onProgress(PROGRESS_INTERVAL, (rows) -> logger.info("bulkInsert into " + this.table + ": "
							+ rows + " rows written"));
					Object[] values = new Object[width];
					while (iterator.hasNext()) {
						this.rows.fill(next(iterator, writer.rowsWritten()), implementor, domain, values);
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
				Object[] values = (chunk[size] != null) ? chunk[size] : new Object[width];
				this.rows.fill(entity, implementor, domain, values);
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
		List<String> columns = this.rows.columns();
		List<CopyColumnEncoder> encoders = new ArrayList<>(columns.size());
		for (int i = 0; i < columns.size(); i++) {
			String type = types.get(this.rows.catalogName(i));
			if (type == null) {
				throw new IllegalStateException("Table " + this.table + " has no column " + columns.get(i)
						+ " mapped by " + this.entityType.getSimpleName());
			}
			encoders.add(CopyColumnEncoder.forType(type, this.table + "." + columns.get(i)));
		}
		this.encoders = List.copyOf(encoders);
		return this.encoders;
	}

}
