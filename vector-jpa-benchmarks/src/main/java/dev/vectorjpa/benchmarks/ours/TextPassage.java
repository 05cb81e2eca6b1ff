package dev.vectorjpa.benchmarks.ours;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorColumn;

/** A passage of the real-text table ({@code bench_text}): a manual-page paragraph and its sentence embedding. */
@Entity
@Table(name = "bench_text")
public class TextPassage {

	@Id
	private UUID id;

	private String page;

	private String section;

	private String content;

	@VectorColumn(dimensions = 384, metric = Metric.COSINE)
	private float[] embedding;

	protected TextPassage() {
	}

	/** The id. */
	public UUID getId() {
		return this.id;
	}

	/** The manual page ({@code name.section}) the passage comes from. */
	public String getPage() {
		return this.page;
	}

	/** The skewed category ({@code TextDataset.SECTIONS} or "rest"). */
	public String getSection() {
		return this.section;
	}

	/** The passage. */
	public String getContent() {
		return this.content;
	}

	/** The embedding. */
	public float[] getEmbedding() {
		return this.embedding;
	}

}
