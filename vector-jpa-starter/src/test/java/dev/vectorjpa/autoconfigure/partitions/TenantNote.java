package dev.vectorjpa.autoconfigure.partitions;

import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A note of the current domain, stored in that domain's partition.
 */
@Entity
@Table(name = "tenant_notes")
public class TenantNote {

	@Id
	private Long id;

	@DomainId
	private String domain;

	@VectorColumn(dimensions = 3)
	private float[] embedding;

	protected TenantNote() {
	}

	public TenantNote(Long id, float[] embedding) {
		this.id = id;
		this.embedding = embedding;
	}

	public Long getId() {
		return this.id;
	}

	public String getDomain() {
		return this.domain;
	}

}
