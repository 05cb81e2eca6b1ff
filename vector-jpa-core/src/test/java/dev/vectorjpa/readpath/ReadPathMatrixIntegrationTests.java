package dev.vectorjpa.readpath;

/**
 * The read-path matrix with domain scoping done by vector-jpa's generated SQL alone.
 */
class ReadPathMatrixIntegrationTests extends ReadPathMatrix {

	@Override
	boolean rowLevelSecurity() {
		return false;
	}

}
