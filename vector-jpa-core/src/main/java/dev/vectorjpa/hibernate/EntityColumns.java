package dev.vectorjpa.hibernate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ManagedMappingType;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.ValuedModelPart;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Maps dotted attribute paths of one entity ({@code title}, {@code address.city}, {@code author.name}) to the table
 * alias and column Hibernate's own SQL would use, adding a {@code LEFT JOIN} per to-one association crossed; built
 * from Hibernate's runtime metamodel.
 *
 * @since 0.1
 */
public final class EntityColumns {

	/** The alias of the entity's own table in generated SQL. */
	public static final String ROOT_ALIAS = "t";

	private final EntityMappingType entity;

	private final String table;

	private final Map<String, Join> joins = new LinkedHashMap<>();

	private EntityColumns(EntityMappingType entity) {
		this.entity = entity;
		this.table = tableOf(entity);
	}

	/** A resolver for {@code entityType} of the persistence unit behind {@code entityManagerFactory}. */
	public static EntityColumns of(EntityManagerFactory entityManagerFactory, Class<?> entityType) {
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		return new EntityColumns(sessionFactory.getMappingMetamodel().getEntityDescriptor(entityType));
	}

	/**
	 * Resolves {@code path} (segments separated by dots), registering the joins it needs.
	 * @throws IllegalArgumentException for an unknown attribute, a collection, or an attribute that is not a single
	 * column of the entity's table (or of a joined to-one association's table)
	 */
	public Column resolve(String path) {
		String[] segments = path.split("\\.");
		ManagedMappingType container = this.entity;
		String alias = ROOT_ALIAS;
		String expectedTable = this.table;
		StringBuilder walked = new StringBuilder();
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			ModelPart attribute = attribute(container, segment);
			if (attribute == null) {
				throw new IllegalArgumentException("No attribute '" + segment + "' in " + describe(container)
						+ " (path '" + path + "')");
			}
			walked.append((i > 0) ? "." : "").append(segment);
			boolean last = i == segments.length - 1;
			if (attribute instanceof PluralAttributeMapping) {
				throw new IllegalArgumentException("Attribute '" + walked + "' is a collection; only single-valued "
						+ "attributes, embeddables and to-one associations can be used in a nearest query");
			}
			if (attribute instanceof EntityAssociationMapping association && !last) {
				Join join = join(walked.toString(), alias, association);
				container = association.getAssociatedEntityMappingType();
				alias = join.alias();
				expectedTable = join.table();
			}
			else if (attribute instanceof EmbeddableValuedModelPart embedded && !last) {
				container = embedded.getEmbeddableTypeDescriptor();
			}
			else if (attribute instanceof BasicValuedModelPart basic && last) {
				if (basic.isFormula()) {
					throw new IllegalArgumentException("Attribute '" + path + "' is a formula, not a column");
				}
				if (!basic.getContainingTableExpression().equals(expectedTable)) {
					throw new IllegalArgumentException("Attribute '" + path + "' is mapped to table "
							+ basic.getContainingTableExpression() + ", not to " + expectedTable
							+ "; secondary and joined-inheritance tables are not supported in nearest queries");
				}
				return new Column(alias + "." + basic.getSelectionExpression(), basic.getJdbcMapping(),
						basic.getJavaType().getJavaTypeClass());
			}
			else {
				throw new IllegalArgumentException("Attribute '" + walked + "' of " + describe(container)
						+ " cannot be compared with a value; name one of its attributes (e.g. '" + walked
						+ ".id')");
			}
		}
		throw new IllegalArgumentException("Empty attribute path");
	}

	// the identifier is no attribute mapping of its entity: findAttributeMapping never returns it
	private static @Nullable ModelPart attribute(ManagedMappingType container, String name) {
		AttributeMapping attribute = container.findAttributeMapping(name);
		if (attribute != null) {
			return attribute;
		}
		if (container instanceof EntityMappingType entity) {
			EntityIdentifierMapping id = entity.getIdentifierMapping();
			if (name.equals(id.getAttributeName())) {
				return id;
			}
		}
		return null;
	}

	/** The joins registered so far, rendered ({@code LEFT JOIN table j1 ON ...}), in the order they were needed. */
	public String joinClause() {
		StringBuilder sql = new StringBuilder();
		for (Join join : this.joins.values()) {
			sql.append(" LEFT JOIN ").append(join.table()).append(' ').append(join.alias()).append(" ON ")
				.append(join.condition());
		}
		return sql.toString();
	}

	/** The entity class. */
	public Class<?> entityType() {
		return this.entity.getJavaType().getJavaTypeClass();
	}

	/** The entity's table as Hibernate renders it. */
	public String table() {
		return this.table;
	}

	private Join join(String path, String fromAlias, EntityAssociationMapping association) {
		Join existing = this.joins.get(path);
		if (existing != null) {
			return existing;
		}
		ForeignKeyDescriptor foreignKey = association.getForeignKeyDescriptor();
		ForeignKeyDescriptor.Nature ours = association.getSideNature();
		String alias = "j" + (this.joins.size() + 1);
		String joinedTable = (ours == ForeignKeyDescriptor.Nature.KEY) ? foreignKey.getTargetTable()
				: foreignKey.getKeyTable();
		List<String> ourColumns = columns(foreignKey.getPart(ours));
		List<String> theirColumns = columns(foreignKey.getPart(ours.inverse()));
		StringBuilder condition = new StringBuilder();
		for (int i = 0; i < ourColumns.size(); i++) {
			condition.append((i > 0) ? " AND " : "").append(alias).append('.').append(theirColumns.get(i))
				.append(" = ").append(fromAlias).append('.').append(ourColumns.get(i));
		}
		Join join = new Join(joinedTable, alias, condition.toString());
		this.joins.put(path, join);
		return join;
	}

	private static List<String> columns(ValuedModelPart part) {
		List<String> columns = new ArrayList<>();
		part.forEachSelectable((index, selectable) -> columns.add(selectable.getSelectionExpression()));
		return columns;
	}

	private static String tableOf(EntityMappingType entity) {
		if (entity.getEntityPersister() instanceof AbstractEntityPersister persister) {
			return persister.getTableName();
		}
		return entity.getMappedTableDetails().getTableName();
	}

	private static String describe(ManagedMappingType container) {
		return (container instanceof EntityMappingType entity) ? entity.getEntityName()
				: container.getJavaType().getJavaTypeClass().getSimpleName();
	}

	/**
	 * A column reachable from the entity.
	 * @param expression the qualified column, e.g. {@code t.title} or {@code j1.name}
	 * @param jdbcMapping how Hibernate binds values of the attribute
	 * @param javaType the attribute's Java type
	 */
	public record Column(String expression, JdbcMapping jdbcMapping, Class<?> javaType) {
	}

	private record Join(String table, String alias, String condition) {
	}

}
