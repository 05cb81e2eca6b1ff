package dev.vectorjpa.embedding;

/**
 * The vector attribute an embedding is computed for, so that one embedder can serve several models or prefixes.
 *
 * @param entityType the entity class
 * @param attribute the vector attribute's name
 * @param dimensions the attribute's dimension count
 * @since 0.1
 */
public record EmbeddingTarget(Class<?> entityType, String attribute, int dimensions) {

	/** {@code Entity.attribute}, as error messages name it. */
	public String qualifiedName() {
		return this.entityType.getSimpleName() + "." + this.attribute;
	}

}
