/**
 * Entity mapping: annotations for vector, domain, full-text and metadata attributes, and the vector value types.
 */
@NullMarked
package dev.vectorjpa.mapping;

import org.jspecify.annotations.NullMarked;
