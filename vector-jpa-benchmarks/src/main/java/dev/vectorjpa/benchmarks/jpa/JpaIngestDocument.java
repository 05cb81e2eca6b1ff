package dev.vectorjpa.benchmarks.jpa;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * A row of the JPA {@code saveAll} ingest table, tuned as a careful user would: assigned ids declared new through
 * {@link Persistable} so that {@code saveAll} persists (batched) instead of merging (a SELECT per row).
 */
@Entity
@Table(name = "ingest_jpa")
public class JpaIngestDocument implements Persistable<UUID> {

	@Id
	private UUID id;

	private String content;

	private String category;

	@JdbcTypeCode(SqlTypes.VECTOR)
	@Array(length = 384)
	private float[] embedding;

	@Transient
	private boolean isNew = true;

	protected JpaIngestDocument() {
	}

	/** A new row. */
	public JpaIngestDocument(UUID id, String content, String category, float[] embedding) {
		this.id = id;
		this.content = content;
		this.category = category;
		this.embedding = embedding;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	/** The vector. */
	public float[] getEmbedding() {
		return this.embedding;
	}

}
