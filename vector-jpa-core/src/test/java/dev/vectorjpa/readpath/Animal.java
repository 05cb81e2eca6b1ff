package dev.vectorjpa.readpath;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** The root of a single-table hierarchy: its searches build entities with Hibernate's loader. */
@Entity
@Table(name = "animal")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
class Animal {

	@Id
	Long id;

	String name;

	@VectorColumn(dimensions = 4)
	float[] embedding;

	@Entity
	static class Cat extends Animal {

		Integer lives;

	}

	@Entity
	static class Dog extends Animal {

		String breed;

	}

}
