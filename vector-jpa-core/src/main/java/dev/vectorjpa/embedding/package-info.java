/**
 * Embeddings: the SPI that turns text into the vector of an entity attribute.
 */
@NullMarked
package dev.vectorjpa.embedding;

import org.jspecify.annotations.NullMarked;
