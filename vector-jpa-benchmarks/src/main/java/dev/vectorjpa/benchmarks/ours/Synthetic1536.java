package dev.vectorjpa.benchmarks.ours;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorColumn;

/** The 1536-dimension search table as a vector-jpa entity. */
@Entity
@Table(name = "bench_s1536")
public class Synthetic1536 {

	@Id
	private UUID id;

	private String content;

	private String category;

	@VectorColumn(dimensions = 1536, metric = Metric.COSINE)
	private float[] embedding;

	protected Synthetic1536() {
	}

	/** A row. */
	public Synthetic1536(UUID id, String content, String category, float[] embedding) {
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
