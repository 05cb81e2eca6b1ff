package dev.vectorjpa.readpath;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A flat entity with one attribute of every kind a detached search reads from its row: a version, a quoted column,
 * enums by ordinal and by name, a converter, JSON, numbers, temporal values, a UUID, bytes, a nullable column and a
 * {@code @PostLoad} callback.
 */
@Entity
@Table(name = "flat_row")
class FlatRow {

	@Id
	Long id;

	@Version
	Integer version;

	@Column(name = "\"Title\"")
	String title;

	@Enumerated(EnumType.ORDINAL)
	Mood moodOrdinal;

	@Enumerated(EnumType.STRING)
	Mood moodName;

	@Convert(converter = CodeConverter.class)
	Code code;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> metadata;

	BigDecimal price;

	Instant created;

	LocalDate day;

	UUID reference;

	byte[] payload;

	boolean flag;

	Integer optional;

	@VectorColumn(dimensions = 4)
	float[] embedding;

	@Transient
	int postLoads;

	@PostLoad
	void loaded() {
		this.postLoads++;
	}

	enum Mood {

		CALM, BUSY, ODD

	}

	/** A value type stored through a converter. */
	record Code(String value) {
	}

	static final class CodeConverter implements AttributeConverter<Code, String> {

		@Override
		public String convertToDatabaseColumn(Code code) {
			return (code != null) ? "code:" + code.value() : null;
		}

		@Override
		public Code convertToEntityAttribute(String column) {
			return (column != null) ? new Code(column.substring("code:".length())) : null;
		}

	}

}
