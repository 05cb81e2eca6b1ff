package dev.vectorjpa.hibernate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.jdbc.SqlIdentifiers;
import jakarta.persistence.EntityManagerFactory;
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

/**
 * The JDBC values of an entity's table row, as Hibernate's persister would insert them: every insertable column of
 * the entity's one table (embeddables and to-one foreign keys included), the id generated first when it needs to be.
 * Vector values are checked and the {@code @DomainId} column gets the current domain. This is the Hibernate side of
 * {@code bulkInsert}, which streams these values with binary {@code COPY}.
 *
 * @since 0.1
 */
public final class EntityRowValues {

	private final Class<?> entityType;

	private final EntityPersister persister;

	private final String table;

	private final List<AttributeMapping> attributes = new ArrayList<>();

	private final List<String> columns = new ArrayList<>();

	private final Map<String, VectorAttribute> vectorChecks = new HashMap<>();

	private final @Nullable String domainAttribute;

	/**
	 * The row values of {@code entityType}.
	 * @throws IllegalStateException for inheritance or columns in another table
	 */
	public EntityRowValues(EntityManagerFactory entityManagerFactory, Class<?> entityType) {
		this.entityType = entityType;
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		this.persister = sessionFactory.getMappingMetamodel().getEntityDescriptor(entityType);
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
		this.domainAttribute = (domain != null) ? domain.name() : null;
	}

	private void addColumn(SelectableMapping selectable) {
		if (!selectable.getContainingTableExpression().equals(this.persister.getIdentifierTableName())) {
			throw new IllegalStateException("bulkInsert writes one table; " + this.entityType.getSimpleName()
					+ " maps column " + selectable.getSelectionExpression() + " to "
					+ selectable.getContainingTableExpression());
		}
		this.columns.add(selectable.getSelectionExpression());
	}

	/** The table as Hibernate renders it. */
	public String table() {
		return this.table;
	}

	/** The columns, as Hibernate renders them, in the order of {@link #fill}'s values. */
	public List<String> columns() {
		return this.columns;
	}

	/** The catalog name of column {@code index} (unquoted, or folded to lower case). */
	public String catalogName(int index) {
		return SqlIdentifiers.catalogName(this.columns.get(index));
	}

	/** Whether the entity has a {@code @DomainId} attribute. */
	public boolean hasDomain() {
		return this.domainAttribute != null;
	}

	/**
	 * Whether generating an id may query the database (a sequence, a table, a custom generator), which cannot happen
	 * on a connection in {@code COPY} mode.
	 */
	public boolean idsNeedDatabase() {
		Generator generator = this.persister.getGenerator();
		return !(generator == null || generator instanceof Assigned || generator instanceof org.hibernate.id.Assigned
				|| generator instanceof UuidGenerator || generator instanceof UUIDGenerator);
	}

	/**
	 * Fills {@code values} (one per column) for {@code entity}, generating its id first when it has none.
	 * @param domain the current domain written into the {@code @DomainId} column, or {@code null}
	 * @throws IllegalArgumentException when the id cannot be generated here, a vector is invalid, or the entity
	 * belongs to another domain
	 */
	public void fill(Object entity, SharedSessionContractImplementor session, @Nullable String domain,
			Object[] values) {
		Object id = this.persister.getIdentifier(entity, session);
		if (id == null) {
			Generator generator = this.persister.getGenerator();
			if (generator == null || generator.generatedOnExecution()
					|| !(generator instanceof BeforeExecutionGenerator before)) {
				throw new IllegalArgumentException("bulkInsert needs ids it can write: "
						+ this.entityType.getSimpleName() + " has a null id and its ids are generated by the database "
						+ "(identity); use assigned ids, @GeneratedValue(strategy = GenerationType.UUID) or a sequence");
			}
			// UUID and sequence generators run here: a pooled sequence pre-allocates ids in blocks
			id = before.generate(session, entity, null, EventType.INSERT);
			this.persister.setIdentifier(entity, id, session);
		}
		int[] column = { 0 };
		this.persister.getIdentifierMapping()
			.breakDownJdbcValues(id, (index, value, selectable) -> values[column[0]++] = value, session);
		for (AttributeMapping attribute : this.attributes) {
			Object value = attribute.getPropertyAccess().getGetter().get(entity);
			String name = attribute.getAttributeName();
			VectorAttribute vector = this.vectorChecks.get(name);
			if (vector != null) {
				VectorValueValidator.validate(vector, value);
			}
			if (name.equals(this.domainAttribute) && domain != null) {
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

}
