package dev.vectorjpa.benchmarks.ours;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorColumn;

/** The Fashion-MNIST search table as a vector-jpa entity (L2). */
@Entity
@Table(name = "bench_fmnist")
public class FashionImage {

	@Id
	private UUID id;

	private String content;

	private String category;

	@VectorColumn(dimensions = 784, metric = Metric.EUCLIDEAN)
	private float[] embedding;

	protected FashionImage() {
	}

	/** A row. */
	public FashionImage(UUID id, String content, String category, float[] embedding) {
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
