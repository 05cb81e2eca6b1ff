/**
 * JUnit 5 support that gives every integration test class a real PostgreSQL + pgvector schema of its own.
 */
@NullMarked
package dev.vectorjpa.test;

import org.jspecify.annotations.NullMarked;
