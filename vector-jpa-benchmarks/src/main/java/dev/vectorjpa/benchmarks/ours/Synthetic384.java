package dev.vectorjpa.benchmarks.ours;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorColumn;

/** The 384-dimension search table as a vector-jpa entity. */
@Entity
@Table(name = "bench_s384")
public class Synthetic384 {

	@Id
	private UUID id;

	private String content;

	private String category;

	@VectorColumn(dimensions = 384, metric = Metric.COSINE)
	private float[] embedding;

	protected Synthetic384() {
	}

	/** A row. */
	public Synthetic384(UUID id, String content, String category, float[] embedding) {
		this.id = id;
		this.content = content;
		this.category = category;
		this.embedding = embedding;
	}

	/** The id. */
	public UUID getId() {
		return this.id;
	}

	/** The category. */
	public String getCategory() {
		return this.category;
	}

	/** The vector. */
	public float[] getEmbedding() {
		return this.embedding;
	}

}
