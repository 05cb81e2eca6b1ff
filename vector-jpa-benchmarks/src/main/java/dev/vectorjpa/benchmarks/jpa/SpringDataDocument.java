package dev.vectorjpa.benchmarks.jpa;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The 384-dimension search table mapped the way Spring Data JPA's own vector search documents it (hibernate-vector's
 * {@code @JdbcTypeCode(SqlTypes.VECTOR)} on a {@code float[]}), without vector-jpa.
 */
@Entity
@Table(name = "bench_s384")
public class SpringDataDocument {

	@Id
	private UUID id;

	private String content;

	private String category;

	@JdbcTypeCode(SqlTypes.VECTOR)
	@Array(length = 384)
	private float[] embedding;

	/** The id. */
	public UUID getId() {
		return this.id;
	}

	/** The text. */
	public String getContent() {
		return this.content;
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
