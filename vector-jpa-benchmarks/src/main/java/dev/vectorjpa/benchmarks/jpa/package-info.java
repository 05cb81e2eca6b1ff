/**
 * Spring Data JPA entities and repositories for the JPA competitors (no vector-jpa repositories).
 */
@NullMarked
package dev.vectorjpa.benchmarks.jpa;

import org.jspecify.annotations.NullMarked;
