package dev.vectorjpa.repository;

import jakarta.persistence.Embeddable;

@Embeddable
class Address {

	String city;

	String street;

	Address() {
	}

	Address(String city, String street) {
		this.city = city;
		this.street = street;
	}

}
