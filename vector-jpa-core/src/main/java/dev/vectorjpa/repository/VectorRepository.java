package dev.vectorjpa.repository;

import java.util.List;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A {@link JpaRepository} with nearest-neighbour search over the entity's {@code @VectorColumn}, metadata filters,
 * binary {@code COPY} bulk insert and hybrid search. Derived {@code findNearest…} query methods may be declared too.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 * @since 0.1
 */
@NoRepositoryBean
public interface VectorRepository<T, ID> extends JpaRepository<T, ID> {

	/** The {@code k} entities nearest to {@code query}, nearest first. */
	List<Nearest<T>> findNearest(float[] query, int k);

	/** The {@code k} entities nearest to {@code query}, with per-query search options. */
	List<Nearest<T>> findNearest(float[] query, int k, SearchOptions options);

	/** The {@code k} entities nearest to {@code query} among those whose JSON metadata matches {@code filter}. */
	List<Nearest<T>> findNearest(float[] query, int k, MetadataFilter filter);

	/** The {@code k} entities nearest to {@code query} among those matching {@code filter}, with search options. */
	List<Nearest<T>> findNearest(float[] query, int k, MetadataFilter filter, SearchOptions options);

	/**
	 * The {@code k} entities nearest to {@code query} among those matching {@code specification} (any JPA Criteria
	 * predicate, e.g. combined with {@link dev.vectorjpa.criteria.VectorSpecifications}), nearest first.
	 */
	List<Nearest<T>> findNearest(Specification<T> specification, float[] query, int k);

	/** The {@code k} entities nearest to {@code query} among those matching {@code specification}, with options. */
	List<Nearest<T>> findNearest(Specification<T> specification, float[] query, int k, SearchOptions options);

	/**
	 * The {@code k} entities nearest to {@code text}, embedded once by the configured embedding model.
	 * @throws IllegalStateException when no embedding model is configured
	 */
	List<Nearest<T>> findNearest(String text, int k);

	/** The {@code k} entities nearest to {@code text} (embedded once) among those matching {@code filter}. */
	List<Nearest<T>> findNearest(String text, int k, MetadataFilter filter);

	/** The number of entities whose JSON metadata matches {@code filter}. */
	long count(MetadataFilter filter);

	/**
	 * Inserts entities with binary {@code COPY} in the current transaction (ids must be assigned or client-generated).
	 * @return the number of rows written
	 */
	int bulkInsert(Iterable<? extends T> entities);

	/** The {@code k} best entities by reciprocal rank fusion of vector similarity and full-text rank. */
	List<Nearest<T>> findHybrid(float[] query, String text, int k);

	/** Hybrid search for {@code text}, which is embedded once and also matched as full text. */
	List<Nearest<T>> findHybrid(String text, int k);

	/** Hybrid search for {@code text} (embedded once) with fusion weights, RRF constant and candidate pool. */
	List<Nearest<T>> findHybrid(String text, int k, HybridOptions options);

	/** Hybrid search with fusion weights, RRF constant, candidate pool and text search configuration. */
	List<Nearest<T>> findHybrid(float[] query, String text, int k, HybridOptions options);

}
