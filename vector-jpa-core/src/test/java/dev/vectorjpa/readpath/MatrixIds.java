package dev.vectorjpa.readpath;

import java.util.UUID;

/**
 * A projection of the matrix entities.
 */
public interface MatrixIds {

	UUID getId();

}
