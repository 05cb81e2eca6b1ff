package dev.vectorjpa.flyway.app;

import dev.vectorjpa.repository.VectorRepository;

/**
 * The vector repository of {@link FlywayArticle}.
 */
public interface FlywayArticleRepository extends VectorRepository<FlywayArticle, Long> {

}
