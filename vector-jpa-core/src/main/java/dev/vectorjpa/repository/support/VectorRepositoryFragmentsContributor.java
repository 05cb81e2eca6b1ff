package dev.vectorjpa.repository.support;

import dev.vectorjpa.repository.VectorRepository;
import jakarta.persistence.EntityManager;
import org.springframework.data.jpa.repository.support.JpaEntityInformation;
import org.springframework.data.jpa.repository.support.JpaRepositoryFragmentsContributor;
import org.springframework.data.querydsl.EntityPathResolver;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryComposition.RepositoryFragments;
import org.springframework.data.repository.core.support.RepositoryFragment;

/**
 * Contributes {@link SimpleVectorRepositoryFragment} to repositories extending {@link VectorRepository}, the way
 * Spring Data JPA contributes Querydsl support to those extending {@code QuerydslPredicateExecutor}.
 *
 * @since 0.1
 */
final class VectorRepositoryFragmentsContributor implements JpaRepositoryFragmentsContributor {

	private final VectorSearchSupport support;

	VectorRepositoryFragmentsContributor(VectorSearchSupport support) {
		this.support = support;
	}

	@Override
	public RepositoryFragments contribute(RepositoryMetadata metadata, JpaEntityInformation<?, ?> entityInformation,
			EntityManager entityManager, EntityPathResolver resolver) {
		if (!isVectorRepository(metadata)) {
			return RepositoryFragments.empty();
		}
		Class<?> domainType = metadata.getDomainType();
		return RepositoryFragments.just(new SimpleVectorRepositoryFragment<>(domainType, this.support));
	}

	@Override
	public RepositoryFragments describe(RepositoryMetadata metadata) {
		return isVectorRepository(metadata)
				? RepositoryFragments.of(RepositoryFragment.structural(SimpleVectorRepositoryFragment.class))
				: RepositoryFragments.empty();
	}

	private static boolean isVectorRepository(RepositoryMetadata metadata) {
		return VectorRepository.class.isAssignableFrom(metadata.getRepositoryInterface());
	}

}
