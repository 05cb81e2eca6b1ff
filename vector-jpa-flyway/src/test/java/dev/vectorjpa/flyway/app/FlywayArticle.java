package dev.vectorjpa.flyway.app;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity whose table Flyway creates.
 */
@Entity
@Table(name = "flyway_article")
public class FlywayArticle {

	@Id
	private Long id;

	private String title;

	@VectorColumn(dimensions = 3)
	private float[] embedding;

	protected FlywayArticle() {
	}

	public FlywayArticle(Long id, String title, float[] embedding) {
		this.id = id;
		this.title = title;
		this.embedding = embedding;
	}

	public String getTitle() {
		return this.title;
	}

}
