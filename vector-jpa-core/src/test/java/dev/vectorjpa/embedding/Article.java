package dev.vectorjpa.embedding;

import java.util.UUID;

import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An article whose embedding is computed from its body. */
@Entity
class Article {

	@Id
	UUID id = UUID.randomUUID();

	String title;

	@FullText
	@Column(columnDefinition = "text")
	String body;

	// nullable in the mapping (the column may still be NOT NULL): embedded at flush, in batches
	@VectorColumn(dimensions = WordHashEmbedder.DIMENSIONS, embeddedFrom = "body")
	float[] embedding;

	Article() {
	}

	Article(String title, String body) {
		this.title = title;
		this.body = body;
	}

}
