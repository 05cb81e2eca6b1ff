package dev.vectorjpa.hibernate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.jdbc.PgVectorSchemaValidator.ExpectedColumn;
import jakarta.persistence.EntityManagerFactory;

/**
 * The {@code @VectorColumn} columns of every entity, as {@link VectorEntityMetadata} read them from Hibernate's boot
 * model, in the form {@link dev.vectorjpa.jdbc.PgVectorSchemaValidator} checks.
 *
 * @since 0.1
 */
public final class MappedVectorColumns {

	private MappedVectorColumns() {
	}

	/** The vector columns of all entities of {@code entityManagerFactory}, sorted by attribute. */
	public static List<ExpectedColumn> of(EntityManagerFactory entityManagerFactory) {
		return of(VectorEntityMetadata.all(entityManagerFactory));
	}

	/** The vector columns of {@code entities}, sorted by attribute. */
	public static List<ExpectedColumn> of(Collection<VectorEntityMetadata> entities) {
		// Keyed by table and column: a subclass entity repeats the attributes it inherits.
		Map<String, ExpectedColumn> columns = new LinkedHashMap<>();
		for (VectorEntityMetadata entity : entities) {
			for (VectorAttribute attribute : entity.vectorAttributes()) {
				columns.putIfAbsent(entity.table() + "." + attribute.column(),
						new ExpectedColumn(attribute.qualifiedName(), entity.table(),
								attribute.column(), attribute.type(), attribute.dimensions()));
			}
		}
		List<ExpectedColumn> sorted = new ArrayList<>(columns.values());
		sorted.sort(Comparator.comparing(ExpectedColumn::attribute));
		return sorted;
	}

}
