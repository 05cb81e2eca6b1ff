/**
 * Vocabulary shared by every part of vector-jpa: distance metrics and the exception for invalid vectors.
 */
@NullMarked
package dev.vectorjpa;

import org.jspecify.annotations.NullMarked;
