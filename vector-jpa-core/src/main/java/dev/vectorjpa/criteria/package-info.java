/**
 * Vector distances in the Criteria API and Spring Data JPA Specifications, rendered as pgvector's index-usable operators.
 */
@NullMarked
package dev.vectorjpa.criteria;

import org.jspecify.annotations.NullMarked;
