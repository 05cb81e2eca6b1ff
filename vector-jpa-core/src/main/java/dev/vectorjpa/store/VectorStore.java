package dev.vectorjpa.store;

import java.util.List;
import java.util.Map;

import dev.vectorjpa.index.IndexParams;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.repository.MetadataFilter;
import org.jspecify.annotations.Nullable;

/**
 * A table of vectors with metadata, used without an entity: the API of the reference pgvector backend. When the
 * store has a domain, every operation sees and changes only that domain's rows.
 *
 * @since 0.1
 */
public interface VectorStore {

	/**
	 * Adds vectors; an id that already exists (in this store's domain) has its row replaced.
	 * @param vectors the vectors
	 * @param ids the ids ({@link java.util.UUID} or {@link String}), or {@code null} to generate them
	 * @param metadata one map per vector, or {@code null} for none
	 * @return the ids as stored, in input order ({@link java.util.UUID} or {@link String})
	 */
	List<Object> add(List<float[]> vectors, @Nullable List<?> ids, @Nullable List<Map<String, Object>> metadata);

	/**
	 * Adds documents with content, source document and chunk index; an existing id has its row replaced.
	 * @return the ids as stored, in input order
	 */
	List<Object> add(List<VectorDocument> documents);

	/** The {@code k} rows nearest to {@code query}, nearest first. */
	List<Match> search(float[] query, int k);

	/** The {@code k} rows nearest to {@code query} among those matching {@code filter} (none when null). */
	List<Match> search(float[] query, int k, @Nullable MetadataFilter filter);

	/** The rows with the given ids, in request order; ids not found are omitted. */
	List<StoredVector> get(List<?> ids, boolean includeMetadata);

	/**
	 * Replaces the metadata of the rows with the given ids.
	 * @return the number of rows updated
	 */
	int updateMetadata(List<?> ids, List<Map<String, Object>> metadata);

	/**
	 * Deletes the rows with the given ids.
	 * @return the number of rows deleted
	 */
	int delete(List<?> ids);

	/** The number of rows. */
	long count();

	/** The number of rows matching {@code filter}. */
	long count(MetadataFilter filter);

	/**
	 * Deletes every row (of this store's domain, when it has one).
	 * @return the number of rows deleted
	 */
	long clear();

	/** Creates the vector index unless an index of that name exists; unset parameters take the configured ones. */
	void createIndex(IndexType type, IndexParams params);

}
