/**
 * JDBC-level building blocks: identifier quoting, JSON values, filter rendering, binary COPY, {@code SET LOCAL} tuning.
 */
@NullMarked
package dev.vectorjpa.jdbc;

import org.jspecify.annotations.NullMarked;
