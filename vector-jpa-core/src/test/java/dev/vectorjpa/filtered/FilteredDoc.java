package dev.vectorjpa.filtered;

import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A scoped entity whose {@code bucket} (also in its metadata) selects any fraction of the rows, for the filtered-search
 * tests.
 */
@Entity(name = "FilteredDoc")
@Table(name = "filtered_docs")
public class FilteredDoc {

	@Id
	private UUID id;

	@DomainId
	private String domain;

	private int bucket;

	private String section;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> metadata;

	@VectorColumn(dimensions = 24)
	private float[] embedding;

	protected FilteredDoc() {
	}

	FilteredDoc(UUID id, int bucket, String section, float[] embedding) {
		this.id = id;
		this.bucket = bucket;
		this.section = section;
		this.metadata = Map.of("bucket", bucket);
		this.embedding = embedding;
	}

	public UUID getId() {
		return this.id;
	}

	public String getDomain() {
		return this.domain;
	}

	public int getBucket() {
		return this.bucket;
	}

	public String getSection() {
		return this.section;
	}

	public float[] getEmbedding() {
		return this.embedding;
	}

}
