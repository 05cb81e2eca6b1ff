package dev.vectorjpa;

/**
 * Thrown before any SQL is sent when a vector cannot be written: wrong dimension count, NaN or infinite component,
 * sparse index out of range, or null where the column is NOT NULL.
 *
 * @since 0.1
 */
public class InvalidVectorException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** Creates an exception with a message naming attribute, expected and actual. */
	public InvalidVectorException(String message) {
		super(message);
	}

}
