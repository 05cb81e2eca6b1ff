/**
 * Hibernate wiring: vector types, functions, attribute binding, validation and entity metadata.
 */
@NullMarked
package dev.vectorjpa.hibernate;

import org.jspecify.annotations.NullMarked;
