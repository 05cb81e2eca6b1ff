/**
 * Spring Boot auto-configuration of vector-jpa and its {@code vector-jpa.*} configuration properties.
 */
@NullMarked
package dev.vectorjpa.autoconfigure;

import org.jspecify.annotations.NullMarked;
