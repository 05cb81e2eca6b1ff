package dev.vectorjpa.repository.query;

import java.lang.reflect.Method;
import java.util.function.Function;

import dev.vectorjpa.embedding.EmbeddingTarget;
import dev.vectorjpa.hibernate.EntityColumns;
import dev.vectorjpa.hibernate.EntityEmbeddings;
import dev.vectorjpa.hibernate.VectorAttribute;
import dev.vectorjpa.hibernate.VectorEntityMetadata;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * Resolves {@code findNearest…}, {@code searchNearest…} and {@code streamNearest…} methods to a
 * {@link PartTreeNearestQuery} and leaves every other method to Spring Data JPA's own strategy. A method that cannot
 * be derived fails with a {@link QueryCreationException} naming the repository, the method and the problem.
 *
 * @since 0.1
 */
public final class NearestQueryLookupStrategy implements QueryLookupStrategy {

	private final QueryLookupStrategy delegate;

	private final EntityManagerFactory entityManagerFactory;

	private final Function<Class<?>, NearestQueryExecutor> executors;

	private final QueryScope scope;

	/**
	 * A strategy deriving nearest queries and delegating the rest.
	 * @param executors the executor of an entity type
	 */
	public NearestQueryLookupStrategy(QueryLookupStrategy delegate, EntityManagerFactory entityManagerFactory,
			Function<Class<?>, NearestQueryExecutor> executors, QueryScope scope) {
		this.delegate = delegate;
		this.entityManagerFactory = entityManagerFactory;
		this.executors = executors;
		this.scope = scope;
	}

	@Override
	public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
			NamedQueries namedQueries) {
		if (!NearestQueryMethod.isNearestQuery(method)) {
			return this.delegate.resolveQuery(method, metadata, factory, namedQueries);
		}
		try {
			return create(method, metadata, factory);
		}
		catch (RuntimeException ex) {
			throw QueryCreationException.create(message(method, metadata, ex), ex, metadata.getRepositoryInterface(),
					method);
		}
	}

	private RepositoryQuery create(Method method, RepositoryMetadata metadata, ProjectionFactory factory) {
		Class<?> domainType = metadata.getDomainType();
		NearestQueryMethod queryMethod = new NearestQueryMethod(method, metadata, factory);
		VectorAttribute attribute = VectorEntityMetadata.of(this.entityManagerFactory, domainType)
			.vectorAttribute(queryMethod.getNearestTo());
		Class<?> vectorType = method.getParameterTypes()[0];
		if (!QueryVectors.accepts(vectorType, attribute.type())) {
			throw new IllegalArgumentException("The query vector parameter is " + vectorType.getSimpleName() + " but "
					+ attribute.name() + " is a " + attribute.type().sqlName() + " column");
		}
		NearestQueryCreator creator = new NearestQueryCreator(
				EntityColumns.of(this.entityManagerFactory, domainType), attribute, this.scope);
		NearestSql sql = creator.create(queryMethod.getTree(), queryMethod.getParameters().getThreshold());
		NearestExecution execution = NearestExecution.of(queryMethod.getShape(),
				ProjectionConverter.of(queryMethod.getShape(), domainType, factory), attribute.metric());
		NearestQueryExecutor executor = this.executors.apply(domainType);
		if (queryMethod.getParameters().isTextQuery()) {
			EntityEmbeddings embeddings = EntityEmbeddings.of(this.entityManagerFactory)
				.orElseThrow(() -> new IllegalArgumentException("The query is a String text, but no embedding model "
						+ "is configured to embed it: declare a Spring AI or LangChain4j EmbeddingModel bean, or a "
						+ "TextEmbedder bean"));
			EmbeddingTarget target = new EmbeddingTarget(domainType, attribute.name(), attribute.dimensions());
			return new PartTreeNearestQuery(queryMethod, sql, executor, execution,
					(text) -> embeddings.embedQuery(target, text));
		}
		return new PartTreeNearestQuery(queryMethod, sql, executor, execution);
	}

	private static String message(Method method, RepositoryMetadata metadata, RuntimeException ex) {
		StringBuilder signature = new StringBuilder();
		for (Class<?> type : method.getParameterTypes()) {
			signature.append((signature.length() > 0) ? ", " : "").append(type.getSimpleName());
		}
		return "Invalid nearest query method " + metadata.getRepositoryInterface().getSimpleName() + "."
				+ method.getName() + "(" + signature + "): " + ex.getMessage();
	}

}
