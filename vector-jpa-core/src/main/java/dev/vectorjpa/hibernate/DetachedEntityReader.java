package dev.vectorjpa.hibernate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Interceptor;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.internal.DefaultPostLoadEventListener;
import org.hibernate.event.internal.DefaultPreLoadEventListener;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.internal.EmptyInterceptor;
import org.hibernate.jpa.event.spi.CallbackRegistry;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Builds entities of a flat mapping straight from a result set, for searches whose results are detached on return
 * anyway (outside the caller's transaction): the instance, every attribute read and converted through its own
 * {@link JdbcMapping} (so converters, enums, JSON and vector types give exactly what Hibernate's loader gives), then
 * the JPA {@code @PostLoad} callbacks. Hibernate's native-query machinery (query object, result-set mapping resolved
 * against the metadata, initializers, persistence-context registration of entities about to be detached) cost more
 * client CPU than the rest of a search on real embeddings.
 * <p>
 * Written here because Hibernate has no public API to build detached entities from a row: only entities whose
 * mapping this class reproduces exactly get one ({@link #of} says why not otherwise, and the search then uses
 * Hibernate's loader): one table, no inheritance, a single basic identifier, basic attributes only (no embeddables,
 * associations, collections or formulas), no bytecode enhancement, no second-level cache or statistics (Hibernate
 * would record the load), no interceptor, statement inspector or default query timeout, and no load listeners beyond Hibernate's defaults.
 *
 * @since 0.1
 */
public final class DetachedEntityReader {

	private static final String[] QUERY_TIMEOUTS = { "jakarta.persistence.query.timeout",
			"javax.persistence.query.timeout", "org.hibernate.timeout" };

	private final EntityPersister persister;

	private final String idColumn;

	private final JdbcMapping idMapping;

	private final Column[] columns;

	private final int stateSize;

	private final @Nullable CallbackRegistry postLoad;

	private DetachedEntityReader(EntityPersister persister, BasicEntityIdentifierMapping id, Column[] columns,
			@Nullable CallbackRegistry postLoad) {
		this.persister = persister;
		this.idColumn = label(id.getSelectionExpression());
		this.idMapping = id.getJdbcMapping();
		this.columns = columns;
		this.stateSize = persister.getNumberOfAttributeMappings();
		this.postLoad = postLoad;
	}

	/** An attribute's column label in a result set, its mapping and its position in the entity's state. */
	private record Column(String label, JdbcMapping mapping, int state) {
	}

	/** What {@link #of} decided: a reader, or why entities of the type are left to Hibernate's loader. */
	public record Support(@Nullable DetachedEntityReader reader, String reason) {
	}

	/** A reader for {@code entityType}, or the reason its entities need Hibernate's loader. */
	public static Support of(SessionFactoryImplementor sessionFactory, Class<?> entityType) {
		EntityPersister persister = sessionFactory.getMappingMetamodel().getEntityDescriptor(entityType);
		String reason = unsupported(sessionFactory, persister);
		if (reason != null) {
			return new Support(null, reason);
		}
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < persister.getNumberOfAttributeMappings(); i++) {
			AttributeMapping attribute = persister.getAttributeMapping(i);
			if (!(attribute instanceof BasicValuedModelPart basic) || basic.isFormula()) {
				return new Support(null, "attribute '" + attribute.getAttributeName() + "' is not a basic column");
			}
			columns.add(new Column(label(basic.getSelectionExpression()), basic.getJdbcMapping(),
					attribute.getStateArrayPosition()));
		}
		CallbackRegistry callbacks = sessionFactory.getEventEngine().getCallbackRegistry();
		boolean postLoad = callbacks.hasRegisteredCallbacks(entityType, CallbackType.POST_LOAD);
		return new Support(new DetachedEntityReader(persister,
				(BasicEntityIdentifierMapping) persister.getIdentifierMapping(), columns.toArray(Column[]::new),
				postLoad ? callbacks : null), "flat mapping");
	}

	private static @Nullable String unsupported(SessionFactoryImplementor sessionFactory, EntityPersister persister) {
		if (persister.isInherited() || persister.getEntityMetamodel().hasSubclasses()) {
			return "it is part of an inheritance hierarchy";
		}
		if (persister.getTableSpan() != 1) {
			return "it is mapped to more than one table";
		}
		if (!(persister.getIdentifierMapping() instanceof BasicEntityIdentifierMapping)) {
			return "its identifier is composite";
		}
		if (persister.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading()) {
			return "it is bytecode-enhanced";
		}
		if (persister.canWriteToCache()) {
			return "it is in the second-level cache";
		}
		var options = sessionFactory.getSessionFactoryOptions();
		if (options.isStatisticsEnabled()) {
			return "Hibernate statistics are enabled";
		}
		// Hibernate's default is its EmptyInterceptor (whose onLoad does nothing)
		Interceptor interceptor = options.getInterceptor();
		if ((interceptor != null && !(interceptor instanceof EmptyInterceptor))
				|| options.getStatelessInterceptorImplementorSupplier() != null) {
			return "an Interceptor is configured";
		}
		if (options.getStatementInspector() != null) {
			return "a StatementInspector is configured";
		}
		// Hibernate applies a default query timeout to its queries; this reader's statements would not have it
		for (String timeout : QUERY_TIMEOUTS) {
			if (sessionFactory.getProperties().get(timeout) != null) {
				return "a default query timeout is configured (" + timeout + ")";
			}
		}
		var listeners = sessionFactory.getEventListenerGroups();
		if (!onlyDefaults(listeners.eventListenerGroup_PRE_LOAD, DefaultPreLoadEventListener.class)
				|| !onlyDefaults(listeners.eventListenerGroup_POST_LOAD, DefaultPostLoadEventListener.class)) {
			return "load event listeners are registered";
		}
		return null;
	}

	private static boolean onlyDefaults(EventListenerGroup<?> group, Class<?> standard) {
		for (Object listener : group.listeners()) {
			if (listener.getClass() != standard) {
				return false;
			}
		}
		return true;
	}

	// a quoted column (`"Title"`) is labelled without its quotes in a result set
	private static String label(String selectionExpression) {
		int last = selectionExpression.length() - 1;
		return (last > 0 && selectionExpression.charAt(0) == '"' && selectionExpression.charAt(last) == '"')
				? selectionExpression.substring(1, last) : selectionExpression;
	}

	/** The result-set positions of the identifier and the attributes, in the order {@link #read} expects them. */
	public int[] positions(ResultSet rs) throws SQLException {
		int[] positions = new int[this.columns.length + 1];
		positions[0] = rs.findColumn(this.idColumn);
		for (int i = 0; i < this.columns.length; i++) {
			positions[i + 1] = rs.findColumn(this.columns[i].label());
		}
		return positions;
	}

	/** The entity of the current row, or {@code null} when its identifier is SQL NULL (an outer join's empty side). */
	public @Nullable Object read(ResultSet rs, int[] positions, SharedSessionContractImplementor session)
			throws SQLException {
		Object id = this.idMapping.convertToDomainValue(this.idMapping.getJdbcValueExtractor()
			.extract(rs, positions[0], session));
		if (id == null) {
			return null;
		}
		Object[] state = new Object[this.stateSize];
		for (int i = 0; i < this.columns.length; i++) {
			Column column = this.columns[i];
			JdbcMapping mapping = column.mapping();
			state[column.state()] = mapping.convertToDomainValue(mapping.getJdbcValueExtractor()
				.extract(rs, positions[i + 1], session));
		}
		Object entity = this.persister.instantiate(id, session);
		this.persister.setValues(entity, state);
		if (this.postLoad != null) {
			this.postLoad.postLoad(entity);
		}
		return entity;
	}

}
