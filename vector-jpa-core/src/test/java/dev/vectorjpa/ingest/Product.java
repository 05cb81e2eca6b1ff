package dev.vectorjpa.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entity with every kind of basic column bulkInsert must write. */
@Entity
class Product {

	enum Color { RED, GREEN }

	enum Size { S, M, L }

	@Id
	UUID id;

	String name;

	Integer stock;

	long views;

	Double price;

	@Column(precision = 12, scale = 4)
	BigDecimal cost;

	Boolean active;

	LocalDate released;

	LocalDateTime updated;

	Instant created;

	@Enumerated(EnumType.STRING)
	Color color;

	@Enumerated(EnumType.ORDINAL)
	Size size;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> attributes;

	@VectorColumn(dimensions = 4, metric = Metric.EUCLIDEAN)
	@Column(nullable = false)
	float[] embedding;

	@VectorColumn(dimensions = 4, type = VectorType.HALFVEC)
	float[] half;

	@VectorColumn(dimensions = 10, type = VectorType.SPARSEVEC)
	SparseVector sparse;

	@VectorColumn(dimensions = 8, type = VectorType.BIT)
	BitVector bits;

}
