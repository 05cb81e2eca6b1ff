package dev.vectorjpa.readpath;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An entity with an embeddable and a lazy association: its searches build entities with Hibernate's loader. */
@Entity
@Table(name = "nested_row")
class NestedRow {

	@Id
	Long id;

	@Embedded
	Address address;

	@ManyToOne(fetch = FetchType.LAZY)
	Owner owner;

	@VectorColumn(dimensions = 4)
	float[] embedding;

	@Embeddable
	static class Address {

		String street;

		String city;

	}

	@Entity
	@Table(name = "nested_owner")
	static class Owner {

		@Id
		Long id;

		String name;

	}

}
