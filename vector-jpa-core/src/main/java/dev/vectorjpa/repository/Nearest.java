package dev.vectorjpa.repository;

/**
 * One nearest-neighbour result: the entity, its distance to the query and the metric's similarity score.
 *
 * @param <T> the entity (or projection) type
 * @param entity the entity, managed by the persistence context unless a projection was asked for
 * @param distance the value of the metric's operator (for inner product: the negative inner product)
 * @param score the similarity per metric: cosine {@code 1 - d}, euclidean and L1 {@code 1 / (1 + d)}, inner
 * product {@code -d}, hamming {@code 1 - d / bits}, jaccard {@code 1 - d}
 * @since 0.1
 */
public record Nearest<T>(T entity, double distance, double score) {
}
