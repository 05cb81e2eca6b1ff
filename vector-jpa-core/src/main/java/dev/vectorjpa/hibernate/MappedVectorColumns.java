package dev.vectorjpa.hibernate;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vectorjpa.jdbc.PgVectorSchemaValidator.ExpectedColumn;
import dev.vectorjpa.mapping.VectorColumn;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;

/**
 * Reads the {@link VectorColumn} attributes of every entity from Hibernate's mapping model, with the table and column
 * names Hibernate uses (after naming strategies) and the dimensions resolved as the type contributor resolves them.
 *
 * @since 0.1
 */
public final class MappedVectorColumns {

	private MappedVectorColumns() {
	}

	/** The vector columns of all entities of {@code entityManagerFactory}, sorted by attribute. */
	public static List<ExpectedColumn> of(EntityManagerFactory entityManagerFactory) {
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		Map<String, Object> settings = sessionFactory.getProperties();
		// Keyed by table and column: a subclass entity repeats the attributes it inherits.
		Map<String, ExpectedColumn> columns = new LinkedHashMap<>();
		sessionFactory.getMappingMetamodel().forEachEntityDescriptor((persister) -> {
			String entity = persister.getJavaType().getJavaTypeClass().getSimpleName();
			persister.forEachAttributeMapping((attribute) -> add(columns, entity, attribute, settings));
		});
		List<ExpectedColumn> sorted = new ArrayList<>(columns.values());
		sorted.sort(Comparator.comparing(ExpectedColumn::attribute));
		return sorted;
	}

	private static void add(Map<String, ExpectedColumn> columns, String entity, AttributeMapping attribute,
			Map<String, Object> settings) {
		if (!(attribute instanceof BasicValuedModelPart basic)) {
			return;
		}
		Member member = attribute.getPropertyAccess().getGetter().getMember();
		if (!(member instanceof AnnotatedElement element)) {
			return;
		}
		VectorColumn vectorColumn = element.getAnnotation(VectorColumn.class);
		if (vectorColumn == null) {
			return;
		}
		String name = entity + "." + attribute.getAttributeName();
		int dimensions = VectorJpaSettings.dimensions(vectorColumn, settings, name);
		columns.putIfAbsent(basic.getContainingTableExpression() + "." + basic.getSelectionExpression(),
				new ExpectedColumn(name, basic.getContainingTableExpression(), basic.getSelectionExpression(),
						vectorColumn.type(), dimensions));
	}

}
