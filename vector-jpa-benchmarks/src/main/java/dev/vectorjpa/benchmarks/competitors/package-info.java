/**
 * The competitors other than vector-jpa: raw JDBC, Spring Data JPA, Spring AI and LangChain4j.
 */
@NullMarked
package dev.vectorjpa.benchmarks.competitors;

import org.jspecify.annotations.NullMarked;
