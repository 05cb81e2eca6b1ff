/**
 * Spring Data wiring of {@code VectorRepository}: factory, factory bean, fragment and configuration.
 */
@NullMarked
package dev.vectorjpa.repository.support;

import org.jspecify.annotations.NullMarked;
