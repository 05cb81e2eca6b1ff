package dev.vectorjpa.repository;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;

/**
 * The embedded identifier of {@link Chapter}.
 */
@Embeddable
class ChapterKey implements Serializable {

	long bookId;

	int number;

	ChapterKey() {
	}

	ChapterKey(long bookId, int number) {
		this.bookId = bookId;
		this.number = number;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ChapterKey key && key.bookId == this.bookId && key.number == this.number;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.bookId, this.number);
	}

}
