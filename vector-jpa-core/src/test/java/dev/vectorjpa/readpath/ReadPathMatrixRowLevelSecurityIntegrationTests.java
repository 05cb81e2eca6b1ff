package dev.vectorjpa.readpath;

/**
 * The read-path matrix with PostgreSQL's row-level security scoping the domain entity as well.
 */
class ReadPathMatrixRowLevelSecurityIntegrationTests extends ReadPathMatrix {

	@Override
	boolean rowLevelSecurity() {
		return true;
	}

}
