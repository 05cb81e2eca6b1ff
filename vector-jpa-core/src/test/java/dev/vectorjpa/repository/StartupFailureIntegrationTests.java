package dev.vectorjpa.repository;

import java.util.List;
import java.util.Optional;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import dev.vectorjpa.test.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A malformed {@code findNearest…} method fails the start of the application, naming repository, method and problem.
 */
@DatabaseTest
class StartupFailureIntegrationTests extends RepositoryTestSupport {

	@Test
	void applicationContextFailsToStart() {
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> new AnnotationConfigApplicationContext(BrokenConfiguration.class).close())
			.havingRootCause()
			.withMessageContaining("No property 'colour' found for type 'Document'");
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> new AnnotationConfigApplicationContext(BrokenConfiguration.class).close())
			.withStackTraceContaining("Invalid nearest query method UnknownProperty.findNearestByColour(float[], "
					+ "String, int)");
	}

	@Test
	void unknownProperty() {
		assertFails(UnknownProperty.class, "Invalid nearest query method UnknownProperty.findNearestByColour(float[], "
				+ "String, int): No property 'colour' found for type 'Document'");
	}

	@Test
	void noVectorParameter() {
		assertFails(NoVector.class, "Invalid nearest query method NoVector.findNearestByCategory(Long, String, int): "
				+ "The first parameter must be the query vector (float[], Vector, SparseVector or BitVector) or the "
				+ "query text (String), got Long");
	}

	@Test
	void queryTextWithoutEmbeddingModel() {
		assertFails(TextWithoutModel.class, "Invalid nearest query method TextWithoutModel.findNearestByCategory("
				+ "String, String, int): The query is a String text, but no embedding model is configured to embed it: "
				+ "declare a Spring AI or LangChain4j EmbeddingModel bean, or a TextEmbedder bean");
	}

	@Test
	void noNumberOfResults() {
		assertFails(NoLimit.class, "Invalid nearest query method NoLimit.findNearestByCategory(float[], String): "
				+ "Expected the number of results (int k or Limit) as parameter 3, after the query vector, 1 criteria "
				+ "parameter(s), got none");
	}

	@Test
	void missingCriterionParameter() {
		assertFails(MissingCriterion.class, "Invalid nearest query method MissingCriterion.findNearestByCategoryAndPrice"
				+ "(float[], String): The criteria need 2 parameter(s) after the query vector, the method has 1 "
				+ "parameter(s) in all after it");
	}

	@Test
	void wrongCriterionType() {
		assertFails(WrongCriterionType.class, "Invalid nearest query method WrongCriterionType.findNearestByPrice("
				+ "float[], String, int): Parameter 2 (String) does not fit criterion SIMPLE_PROPERTY on 'price' of "
				+ "type Integer");
	}

	@Test
	void unexpectedTrailingParameter() {
		assertFails(TrailingParameter.class, "Invalid nearest query method TrailingParameter.findNearestBy(float[], "
				+ "int, String): Unexpected parameter 3 (String); after the number of results only SearchOptions may "
				+ "follow");
	}

	@Test
	void unsupportedReturnType() {
		assertFails(WrongReturnType.class, "Invalid nearest query method WrongReturnType.findNearestBy(float[], int): "
				+ "Unsupported return type java.util.Optional<dev.vectorjpa.repository.Document>; expected "
				+ "List<Nearest<T>>, List<T>, SearchResults<T> or Stream<Nearest<T>> with T the entity or a "
				+ "projection of it");
	}

	@Test
	void vectorTypeNotMatchingTheColumn() {
		assertFails(WrongVectorType.class, "Invalid nearest query method WrongVectorType.findNearestBy(BitVector, "
				+ "int): The query vector parameter is BitVector but embedding is a vector column");
	}

	@Test
	void severalVectorAttributesWithoutNearestTo() {
		assertFails(Ambiguous.class, "Invalid nearest query method Ambiguous.findNearestByCategory(float[], String, "
				+ "int): MultiMetricItem has several @VectorColumn attributes; name one with @NearestTo (it has cosine, "
				+ "euclidean, half, innerProduct, taxicab)");
	}

	@Test
	void unsupportedKeywordAndOrderBy() {
		assertFails(UnsupportedKeyword.class, "Invalid nearest query method UnsupportedKeyword.findNearestByTitle"
				+ "Matches(float[], String, int): Keyword REGEX (on 'title') is not supported in nearest queries");
		assertFails(OrderBy.class, "Invalid nearest query method OrderBy.findNearestByCategoryOrderByTitle(float[], "
				+ "String, int): Nearest queries are ordered by distance; OrderBy is not supported");
	}

	private <R extends Repository<S, Long>, S> void assertFails(Class<R> repository, String message) {
		VectorRepositoryFactoryBean<R, S, Long> factory = new VectorRepositoryFactoryBean<>(repository);
		factory.setEntityManager(SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory));
		factory.setBeanFactory(this.context.getBeanFactory());
		assertThatExceptionOfType(QueryCreationException.class).isThrownBy(factory::afterPropertiesSet)
			.withMessage(message);
	}

	interface UnknownProperty extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestByColour(float[] query, String colour, int k);

	}

	interface NoVector extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestByCategory(Long id, String category, int k);

	}

	interface TextWithoutModel extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestByCategory(String text, String category, int k);

	}

	interface NoLimit extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestByCategory(float[] query, String category);

	}

	interface MissingCriterion extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestByCategoryAndPrice(float[] query, String category);

	}

	interface WrongCriterionType extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestByPrice(float[] query, String price, int k);

	}

	interface TrailingParameter extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestBy(float[] query, int k, String extra);

	}

	interface WrongReturnType extends VectorRepository<Document, Long>, BrokenRepositories {

		Optional<Document> findNearestBy(float[] query, int k);

	}

	interface WrongVectorType extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestBy(BitVector query, int k);

	}

	interface Ambiguous extends VectorRepository<MultiMetricItem, Long>, BrokenRepositories {

		List<Nearest<MultiMetricItem>> findNearestByCategory(float[] query, String category, int k);

	}

	interface UnsupportedKeyword extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestByTitleMatches(float[] query, String regex, int k);

	}

	interface OrderBy extends VectorRepository<Document, Long>, BrokenRepositories {

		List<Nearest<Document>> findNearestByCategoryOrderByTitle(float[] query, String category, int k);

	}

	@Configuration(proxyBeanMethods = false)
	@Import(RepositoryTestConfiguration.class)
	@EnableVectorRepositories(considerNestedRepositories = true, basePackageClasses = BrokenRepositories.class,
			includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = UnknownProperty.class))
	static class BrokenConfiguration {

	}

}
