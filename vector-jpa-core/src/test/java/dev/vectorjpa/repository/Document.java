package dev.vectorjpa.repository;

import java.time.LocalDate;
import java.util.Map;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The test entity of the repository suites: one cosine vector column, attributes of every kind criteria use, and
 * JSON metadata.
 */
@Entity
@Table(name = "document")
class Document {

	static final int DIMENSIONS = 16;

	@Id
	Long id;

	String title;

	String category;

	int price;

	boolean published;

	LocalDate createdOn;

	String note;

	@Embedded
	Address address;

	@ManyToOne(fetch = FetchType.LAZY)
	Author author;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> metadata;

	@VectorColumn(dimensions = DIMENSIONS, metric = Metric.COSINE)
	float[] embedding;

	Document() {
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	@Override
	public String toString() {
		return "Document#" + this.id;
	}

}
