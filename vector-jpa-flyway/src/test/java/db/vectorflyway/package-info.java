/**
 * Flyway migrations (SQL and Java) of the Flyway integration tests.
 */
@NullMarked
package db.vectorflyway;

import org.jspecify.annotations.NullMarked;
