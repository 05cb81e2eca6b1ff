/**
 * Flyway Java migrations that run vector-jpa's DDL, rendered by {@code dev.vectorjpa.index.VectorSchemaDdl}.
 */
@NullMarked
package dev.vectorjpa.flyway;

import org.jspecify.annotations.NullMarked;
