/**
 * Multi-tenancy: the current domain and the scoping of every operation to it.
 */
@NullMarked
package dev.vectorjpa.tenancy;

import org.jspecify.annotations.NullMarked;
