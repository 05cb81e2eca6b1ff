/**
 * Ahead-of-time and native-image support: the runtime hints for what vector-jpa reaches by reflection.
 */
@NullMarked
package dev.vectorjpa.aot;

import org.jspecify.annotations.NullMarked;
