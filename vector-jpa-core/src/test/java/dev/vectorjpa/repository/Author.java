package dev.vectorjpa.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class Author {

	@Id
	Long id;

	String name;

	Author() {
	}

	Author(Long id, String name) {
		this.id = id;
		this.name = name;
	}

}
