/**
 * A Spring Boot application with a Flyway-owned schema, for the start-up order tests.
 */
@NullMarked
package dev.vectorjpa.flyway.app;

import org.jspecify.annotations.NullMarked;
