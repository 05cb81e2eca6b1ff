package dev.vectorjpa.mapping;

/**
 * The approximate nearest-neighbour index of a vector attribute.
 *
 * @since 0.1
 */
public enum IndexType {

	/** No index: exact search, fine below a few thousand rows. */
	NONE,

	/** Hierarchical navigable small world graph: best speed/recall, can be built on an empty table. */
	HNSW,

	/** Inverted file with flat lists: faster to build and smaller, needs data to train its lists. */
	IVFFLAT

}
