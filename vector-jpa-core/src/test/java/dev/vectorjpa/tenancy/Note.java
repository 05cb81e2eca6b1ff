package dev.vectorjpa.tenancy;

import java.util.UUID;

import dev.vectorjpa.mapping.DomainId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A scoped entity for the tenancy tests.
 */
@Entity(name = "Note")
@Table(name = "notes")
public class Note {

	@Id
	private UUID id;

	@DomainId
	private String domain;

	private String title;

	protected Note() {
	}

	Note(UUID id, String title) {
		this.id = id;
		this.title = title;
	}

	Note(UUID id, String domain, String title) {
		this(id, title);
		this.domain = domain;
	}

	public UUID getId() {
		return this.id;
	}

	public String getDomain() {
		return this.domain;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

}
