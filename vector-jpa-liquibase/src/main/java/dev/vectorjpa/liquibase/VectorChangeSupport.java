package dev.vectorjpa.liquibase;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorType;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeMetaData;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import org.jspecify.annotations.Nullable;

/**
 * Parsing and messages shared by the change types.
 */
final class VectorChangeSupport {

	private VectorChangeSupport() {
	}

	/**
	 * Rejects an attribute the change does not have. The XSD does this for XML changelogs; YAML and JSON ones reach
	 * the change as a parsed node, whose unknown keys Liquibase would silently drop (a misspelt
	 * {@code efConstrution: 64} would build the index with the default).
	 */
	static void rejectUnknownAttributes(Change change, ParsedNode node) throws ParsedNodeException {
		ChangeMetaData metaData = Scope.getCurrentScope().getSingleton(ChangeFactory.class).getChangeMetaData(change);
		Set<String> known = new TreeSet<>(metaData.getParameters().keySet());
		for (ParsedNode child : node.getChildren()) {
			if (!known.contains(child.getName())) {
				throw new ParsedNodeException(metaData.getName() + " has no attribute '" + child.getName()
						+ "'; expected one of " + String.join(", ", known));
			}
		}
	}

	/** {@code schemaName}, else Liquibase's default schema when it outputs it, else {@code null} (the search path). */
	static @Nullable String schema(@Nullable String schemaName, Database database) {
		if (schemaName != null) {
			return schemaName;
		}
		return database.getOutputDefaultSchema() ? database.getDefaultSchemaName() : null;
	}

	static String unsupported(String change, Database database) {
		return change + " is not supported on " + database.getShortName()
				+ ": pgvector is a PostgreSQL extension";
	}

	/**
	 * {@code CREATE/DROP INDEX CONCURRENTLY} cannot run inside a transaction block, which is where Liquibase runs a
	 * changeset unless told otherwise; PostgreSQL would only say so half-way through an update.
	 */
	static @Nullable String concurrentlyOutsideTransaction(String change, @Nullable ChangeSet changeSet) {
		if (changeSet == null || !changeSet.isRunInTransaction()) {
			return null;
		}
		return change + " with concurrently=true requires runInTransaction: false on changeset " + changeSet.getId()
				+ " (author " + changeSet.getAuthor() + "): PostgreSQL cannot create or drop an index concurrently inside a transaction";
	}

	static IndexType indexType(String change, @Nullable String value) {
		if (value == null) {
			return IndexType.HNSW;
		}
		String normalized = value.trim().toUpperCase(Locale.ROOT);
		if (normalized.equals("HNSW")) {
			return IndexType.HNSW;
		}
		if (normalized.equals("IVFFLAT")) {
			return IndexType.IVFFLAT;
		}
		throw new IllegalArgumentException(
				change + " type '" + value + "' is not a vector index type; expected hnsw or ivfflat");
	}

	static VectorType vectorType(String change, @Nullable String value) {
		if (value == null) {
			return VectorType.VECTOR;
		}
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		for (VectorType type : VectorType.values()) {
			if (type.sqlName().equals(normalized)) {
				return type;
			}
		}
		throw new IllegalArgumentException(
				change + " vectorType '" + value + "' is not a pgvector type; expected vector, halfvec, sparsevec or bit");
	}

}
