package dev.vectorjpa.hibernate;

import java.util.List;

import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.query.spi.QueryEngine;
import org.hibernate.query.sqm.function.FunctionKind;
import org.hibernate.query.sqm.function.SelfRenderingSqmFunction;
import org.hibernate.query.sqm.function.SqmFunctionDescriptor;
import org.hibernate.query.sqm.function.SqmFunctionRegistry;
import org.hibernate.query.sqm.produce.function.ArgumentsValidator;
import org.hibernate.query.sqm.produce.function.FunctionArgumentException;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.query.sqm.tree.SqmTypedNode;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;
import org.hibernate.query.sqm.tree.select.SqmOrderByClause;
import org.hibernate.type.BasicType;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's {@code avg} or {@code sum}, extended to vector attributes: pgvector's element-wise {@code avg(vector)},
 * {@code avg(halfvec)}, {@code sum(vector)} and {@code sum(halfvec)} returning a vector of the argument's type (a
 * centroid, for example). Every other argument goes to Hibernate's own function unchanged.
 * <p>
 * Why a wrapper rather than hibernate-vector: it registers no aggregates, and Hibernate's {@code avg} only accepts
 * numeric arguments ("has type 'NUMERIC', but argument is of type 'float[]'"). pgvector 0.8 has no aggregate over
 * {@code sparsevec} or {@code bit}: those get a clear error here instead of the database's
 * "function avg(sparsevec) does not exist".
 */
final class VectorAggregateFunction implements SqmFunctionDescriptor {

	private final String name;

	private final SqmFunctionDescriptor standard;

	private final SqmFunctionDescriptor vector;

	private VectorAggregateFunction(String name, SqmFunctionDescriptor standard, SqmFunctionDescriptor vector) {
		this.name = name;
		this.standard = standard;
		this.vector = vector;
	}

	/**
	 * Wraps {@code avg} and {@code sum} of a session factory's function registry once it is complete: the dialect
	 * registers its own aggregates after every {@code FunctionContributor}, so a contributor cannot replace them.
	 */
	static SessionFactoryObserver installer() {
		return new SessionFactoryObserver() {

			@Override
			public void sessionFactoryCreated(SessionFactory factory) {
				SqmFunctionRegistry registry = factory.unwrap(SessionFactoryImplementor.class)
					.getQueryEngine()
					.getSqmFunctionRegistry();
				register(registry, "avg");
				register(registry, "sum");
			}

		};
	}

	/** Replaces the registered aggregate {@code name} ({@code avg} or {@code sum}) by one accepting vectors too. */
	static void register(SqmFunctionRegistry registry, String name) {
		SqmFunctionDescriptor standard = registry.findFunctionDescriptor(name);
		if (standard == null || standard instanceof VectorAggregateFunction) {
			return;
		}
		SqmFunctionDescriptor vector = registry.namedAggregateDescriptorBuilder(name)
			.setArgumentsValidator(StandardArgumentsValidators.exactly(1))
			.setReturnTypeResolver(StandardFunctionReturnTypeResolvers.useArgType(1))
			.descriptor();
		registry.register(name, new VectorAggregateFunction(name, standard, vector));
	}

	@Override
	public <T> SelfRenderingSqmFunction<T> generateSqmExpression(List<? extends SqmTypedNode<?>> arguments,
			@Nullable ReturnableType<T> impliedResultType, QueryEngine queryEngine) {
		return descriptor(arguments).generateSqmExpression(arguments, impliedResultType, queryEngine);
	}

	@Override
	public <T> SelfRenderingSqmFunction<T> generateAggregateSqmExpression(List<? extends SqmTypedNode<?>> arguments,
			@Nullable SqmPredicate filter, @Nullable ReturnableType<T> impliedResultType, QueryEngine queryEngine) {
		return descriptor(arguments).generateAggregateSqmExpression(arguments, filter, impliedResultType,
				queryEngine);
	}

	@Override
	public <T> SelfRenderingSqmFunction<T> generateOrderedSetAggregateSqmExpression(
			List<? extends SqmTypedNode<?>> arguments, @Nullable SqmPredicate filter,
			@Nullable SqmOrderByClause withinGroupClause, @Nullable ReturnableType<T> impliedResultType,
			QueryEngine queryEngine) {
		return descriptor(arguments).generateOrderedSetAggregateSqmExpression(arguments, filter, withinGroupClause,
				impliedResultType, queryEngine);
	}

	@Override
	public <T> SelfRenderingSqmFunction<T> generateWindowSqmExpression(List<? extends SqmTypedNode<?>> arguments,
			@Nullable SqmPredicate filter, @Nullable Boolean respectNulls, @Nullable Boolean fromFirst,
			@Nullable ReturnableType<T> impliedResultType, QueryEngine queryEngine) {
		return descriptor(arguments).generateWindowSqmExpression(arguments, filter, respectNulls, fromFirst,
				impliedResultType, queryEngine);
	}

	@Override
	public FunctionKind getFunctionKind() {
		return this.standard.getFunctionKind();
	}

	@Override
	public ArgumentsValidator getArgumentsValidator() {
		return this.standard.getArgumentsValidator();
	}

	@Override
	public String getSignature(String name) {
		return this.standard.getSignature(name);
	}

	private SqmFunctionDescriptor descriptor(List<? extends SqmTypedNode<?>> arguments) {
		if (arguments.size() != 1 || !(arguments.get(0).getExpressible() != null
				&& arguments.get(0).getExpressible().getSqmType() instanceof BasicType<?> type)) {
			return this.standard;
		}
		return switch (type.getJdbcType().getDefaultSqlTypeCode()) {
			case SqlTypes.VECTOR, SqlTypes.VECTOR_FLOAT32, SqlTypes.VECTOR_FLOAT16 -> this.vector;
			case SqlTypes.SPARSE_VECTOR_FLOAT32, SqlTypes.VECTOR_BINARY -> throw new FunctionArgumentException(
					this.name + "() is not defined for " + type.getJdbcType().getFriendlyName() + " arguments: "
							+ "pgvector has " + this.name + " only for vector and halfvec");
			default -> this.standard;
		};
	}

}
