package dev.vectorjpa.readpath;

/**
 * The read-path matrix over the domain-scoped entity.
 */
interface MatrixDocRepository extends MatrixRepository<MatrixDoc> {

}
