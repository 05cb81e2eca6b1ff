/**
 * Adapters from Spring AI's and LangChain4j's embedding models to vector-jpa's embedding SPI.
 */
@NullMarked
package dev.vectorjpa.autoconfigure.embedding;

import org.jspecify.annotations.NullMarked;
