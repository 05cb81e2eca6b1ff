package dev.vectorjpa.autoconfigure.replica;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;

import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches, plain reads and the server a statement runs on.
 */
public interface ReplicaDocumentRepository extends VectorRepository<ReplicaDocument, UUID> {

	List<Nearest<ReplicaDocument>> findNearestByTitle(float[] query, String title, int k, SearchOptions options);

	/** The port of the server this statement runs on, and whether it is a standby ("55421 true"). */
	@Query(value = "select inet_server_port() || ' ' || pg_is_in_recovery()", nativeQuery = true)
	String server();

	/** {@link #server()} in a read-only transaction of its own (or the caller's). */
	@Transactional(readOnly = true)
	@Query(value = "select inet_server_port() || ' ' || pg_is_in_recovery()", nativeQuery = true)
	String serverReadOnly();

}
