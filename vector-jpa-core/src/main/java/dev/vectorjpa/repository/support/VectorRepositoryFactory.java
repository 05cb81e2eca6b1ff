package dev.vectorjpa.repository.support;

import java.util.Optional;

import dev.vectorjpa.repository.query.NearestQueryLookupStrategy;
import jakarta.persistence.EntityManager;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryLookupStrategy.Key;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * A {@link JpaRepositoryFactory} that derives {@code findNearest…} query methods; every other method is Spring Data
 * JPA's.
 *
 * @since 0.1
 */
public class VectorRepositoryFactory extends JpaRepositoryFactory {

	private final VectorSearchSupport support;

	VectorRepositoryFactory(EntityManager entityManager, VectorSearchSupport support) {
		super(entityManager);
		this.support = support;
	}

	@Override
	protected Optional<QueryLookupStrategy> getQueryLookupStrategy(Key key,
			ValueExpressionDelegate valueExpressionDelegate) {
		QueryLookupStrategy jpa = super.getQueryLookupStrategy(key, valueExpressionDelegate)
			.orElseThrow(() -> new IllegalStateException("Spring Data JPA returned no query lookup strategy"));
		return Optional.of(new NearestQueryLookupStrategy(jpa,
				this.support.entityManager().getEntityManagerFactory(), this.support::executor, this.support.scope()));
	}

}
