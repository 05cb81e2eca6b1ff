/**
 * JDBC-level building blocks: identifier quoting, JSON values, filter rendering, binary COPY, {@code SET LOCAL} tuning,
 * the caller's transaction.
 */
@NullMarked
package dev.vectorjpa.jdbc;

import org.jspecify.annotations.NullMarked;
