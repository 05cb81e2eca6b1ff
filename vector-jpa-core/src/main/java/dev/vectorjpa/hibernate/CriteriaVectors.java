package dev.vectorjpa.hibernate;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.metamodel.Attribute;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.sqm.NodeBuilder;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.ValueBindJpaCriteriaParameter;

/**
 * What the Criteria helpers need from Hibernate: the {@code @VectorColumn} attribute behind a path, and a query vector
 * bound as a value typed like that attribute.
 *
 * @since 0.1
 */
public final class CriteriaVectors {

	private CriteriaVectors() {
	}

	/**
	 * The vector attribute {@code vector} navigates to.
	 * @throws IllegalArgumentException when {@code vector} is not the path of a {@code @VectorColumn} attribute of an
	 * entity, or {@code builder} is not Hibernate's
	 */
	public static VectorAttribute attribute(CriteriaBuilder builder, Expression<?> vector) {
		NodeBuilder nodeBuilder = nodeBuilder(builder);
		if (!(vector instanceof Path<?> path) || !(path.getModel() instanceof Attribute<?, ?> attribute)
				|| path.getParentPath() == null) {
			throw new IllegalArgumentException("The vector expression must be the path of a @VectorColumn attribute, "
					+ "e.g. root.get(\"embedding\"), but it is " + describe(vector));
		}
		Class<?> owner = path.getParentPath().getJavaType();
		return VectorEntityMetadata.of(sessionFactory(nodeBuilder), owner).vectorAttribute(attribute.getName());
	}

	/**
	 * The only vector attribute of the entity {@code entityType}.
	 * @throws IllegalArgumentException when it has none or several (then the attribute must be named)
	 */
	public static VectorAttribute onlyVectorAttribute(CriteriaBuilder builder, Class<?> entityType) {
		return VectorEntityMetadata.of(sessionFactory(nodeBuilder(builder)), entityType).vectorAttribute(null);
	}

	/**
	 * {@code value} as a bound parameter typed like {@code vector}'s attribute: it passes hibernate-vector's argument
	 * checks and is written with the column type's cast, as an HQL parameter next to the attribute would be.
	 * <p>
	 * Why: {@code cb.literal(float[])}, {@code cb.value(float[])} and an unnamed {@code cb.parameter(float[].class)}
	 * are typed as a SQL array, which the distance functions reject ("requires a vector type"), and a Specification
	 * cannot bind a parameter. This is what Hibernate's own {@code SqmCriteriaNodeBuilder.value(value, inferFrom)}
	 * does; that method is internal, this parameter class is not.
	 * @param value the query vector, of the attribute's Java type ({@code float[]}, {@code SparseVector},
	 * {@code BitVector})
	 */
	@SuppressWarnings("unchecked")
	public static <V> Expression<V> value(CriteriaBuilder builder, Expression<?> vector, V value) {
		SqmExpression<V> typed = (SqmExpression<V>) vector;
		return new ValueBindJpaCriteriaParameter<>(typed.getNodeType(), value, nodeBuilder(builder));
	}

	private static SessionFactoryImplementor sessionFactory(NodeBuilder nodeBuilder) {
		return nodeBuilder.getMappingMetamodel().getTypeConfiguration().getSessionFactory();
	}

	private static NodeBuilder nodeBuilder(CriteriaBuilder builder) {
		if (builder instanceof NodeBuilder nodeBuilder) {
			return nodeBuilder;
		}
		throw new IllegalArgumentException("Vector criteria need Hibernate's CriteriaBuilder (from an EntityManager "
				+ "of a Hibernate persistence unit), got " + builder.getClass().getName());
	}

	private static String describe(Expression<?> expression) {
		return (expression instanceof Path<?> path && path.getModel() instanceof Attribute<?, ?> attribute)
				? "'" + attribute.getName() + "'" : expression.getClass().getSimpleName();
	}

}
