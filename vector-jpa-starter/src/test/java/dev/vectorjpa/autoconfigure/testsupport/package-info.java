/**
 * Tests of vector-jpa-test-support's Spring integration with the starter.
 */
@NullMarked
package dev.vectorjpa.autoconfigure.testsupport;

import org.jspecify.annotations.NullMarked;
