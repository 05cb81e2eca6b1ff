package dev.vectorjpa.readpath;

/**
 * The read-path matrix over the entity without a domain.
 */
interface MatrixPlainRepository extends MatrixRepository<MatrixPlain> {

}
