/**
 * Micrometer observations (timers and traces) of searches, bulk inserts and index builds, a no-op without Micrometer.
 */
@NullMarked
package dev.vectorjpa.observation;

import org.jspecify.annotations.NullMarked;
