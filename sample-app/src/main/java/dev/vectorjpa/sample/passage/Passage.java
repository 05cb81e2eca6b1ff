package dev.vectorjpa.sample.passage;

import java.util.UUID;

import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A passage of a document (one chunk), in one domain; its embedding is computed from its body by the embedding model.
 */
@Entity
@Table(name = "passage")
public class Passage {

	@Id
	private UUID id;

	@DomainId
	@Column(nullable = false, length = 50)
	private String domain;

	@Column(name = "document_id", nullable = false, length = 200)
	private String documentId;

	@Column(name = "chunk_index", nullable = false)
	private int chunkIndex;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(nullable = false, length = 50)
	private String category;

	@FullText
	@Column(nullable = false, columnDefinition = "text")
	private String body;

	// computed from body on persist, on update of body and in bulkInsert (the column is NOT NULL in the changelog)
	@VectorColumn(dimensions = 384, embeddedFrom = "body")
	@VectorIndex(type = IndexType.HNSW, m = 16, efConstruction = 64)
	private float[] embedding;

	protected Passage() {
	}

	public Passage(String documentId, int chunkIndex, String title, String category, String body) {
		this.id = UUID.randomUUID();
		this.documentId = documentId;
		this.chunkIndex = chunkIndex;
		this.title = title;
		this.category = category;
		this.body = body;
	}

	public UUID getId() {
		return this.id;
	}

	public String getDomain() {
		return this.domain;
	}

	public String getDocumentId() {
		return this.documentId;
	}

	public int getChunkIndex() {
		return this.chunkIndex;
	}

	public String getTitle() {
		return this.title;
	}

	public String getCategory() {
		return this.category;
	}

	public String getBody() {
		return this.body;
	}

	public float[] getEmbedding() {
		return this.embedding;
	}

}
