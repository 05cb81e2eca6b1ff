package dev.vectorjpa.repository.support;

import dev.vectorjpa.index.VectorIndexManager;
import dev.vectorjpa.observation.VectorJpaObservations;
import dev.vectorjpa.repository.SearchOptions;
import dev.vectorjpa.repository.VectorRepository;
import dev.vectorjpa.repository.query.QueryScope;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.jpa.repository.query.EscapeCharacter;
import org.springframework.data.jpa.repository.query.JpaQueryMethodFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.jpa.repository.support.JpaRepositoryFragmentsContributor;
import org.springframework.data.querydsl.EntityPathResolver;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A {@link JpaRepositoryFactoryBean} whose repositories support {@link VectorRepository} and derived
 * {@code findNearest…} methods; plain JPA repositories it creates behave exactly as with Spring Data JPA.
 *
 * @param <T> the repository type
 * @param <S> the entity type
 * @param <ID> the id type
 * @since 0.1
 */
public class VectorRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
		extends JpaRepositoryFactoryBean<T, S, ID> {

	private SearchOptions searchDefaults = SearchOptions.none();

	private QueryScope queryScope = QueryScope.NONE;

	private @Nullable String transactionManagerName;

	private @Nullable BeanFactory beanFactory;

	private @Nullable EntityPathResolver entityPathResolver;

	private @Nullable EscapeCharacter escapeCharacter;

	private @Nullable JpaQueryMethodFactory queryMethodFactory;

	private @Nullable QueryEnhancerSelector queryEnhancerSelector;

	private @Nullable Class<? extends QueryEnhancerSelector> queryEnhancerSelectorType;

	private @Nullable VectorSearchSupport support;

	private VectorJpaObservations observations = VectorJpaObservations.noop();

	private @Nullable VectorIndexManager vectorIndexManager;

	/** A factory bean for repositories of {@code repositoryInterface}. */
	public VectorRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
	}

	/** Search options applied where a call leaves them unset (the starter binds {@code vector-jpa.search.*}). */
	public void setSearchDefaults(SearchOptions searchDefaults) {
		Assert.notNull(searchDefaults, "SearchOptions must not be null");
		this.searchDefaults = searchDefaults;
	}

	/** A condition added to every vector query (multi-tenancy's domain restriction). */
	public void setQueryScope(QueryScope queryScope) {
		Assert.notNull(queryScope, "QueryScope must not be null");
		this.queryScope = queryScope;
	}

	/** Reports searches and bulk inserts as {@code db.vector.client.operation} observations. */
	public void setObservations(VectorJpaObservations observations) {
		Assert.notNull(observations, "VectorJpaObservations must not be null");
		this.observations = observations;
	}

	/**
	 * Has {@code vectorIndexManager} build the entity's declared IVFFlat indexes that reach min-rows after each
	 * {@code bulkInsert} (after the surrounding transaction commits).
	 */
	public void setVectorIndexManager(VectorIndexManager vectorIndexManager) {
		Assert.notNull(vectorIndexManager, "VectorIndexManager must not be null");
		this.vectorIndexManager = vectorIndexManager;
	}

	@Override
	public void setTransactionManager(String transactionManager) {
		super.setTransactionManager(transactionManager);
		this.transactionManagerName = transactionManager;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		this.beanFactory = beanFactory;
	}

	@Override
	public void setEntityPathResolver(ObjectProvider<EntityPathResolver> resolver) {
		super.setEntityPathResolver(resolver);
		this.entityPathResolver = resolver.getIfAvailable();
	}

	@Override
	public void setEscapeCharacter(char escapeCharacter) {
		super.setEscapeCharacter(escapeCharacter);
		this.escapeCharacter = EscapeCharacter.of(escapeCharacter);
	}

	@Override
	public void setQueryMethodFactory(ObjectProvider<JpaQueryMethodFactory> factory) {
		super.setQueryMethodFactory(factory);
		this.queryMethodFactory = factory.getIfAvailable();
	}

	@Override
	public void setQueryEnhancerSelectorSource(QueryEnhancerSelector queryEnhancerSelector) {
		super.setQueryEnhancerSelectorSource(queryEnhancerSelector);
		this.queryEnhancerSelector = queryEnhancerSelector;
	}

	@Override
	public void setQueryEnhancerSelector(Class<? extends QueryEnhancerSelector> queryEnhancerSelector) {
		super.setQueryEnhancerSelector(queryEnhancerSelector);
		this.queryEnhancerSelectorType = queryEnhancerSelector;
	}

	@Override
	public JpaRepositoryFragmentsContributor getRepositoryFragmentsContributor() {
		JpaRepositoryFragmentsContributor jpa = super.getRepositoryFragmentsContributor();
		return (this.support != null) ? jpa.andThen(new VectorRepositoryFragmentsContributor(this.support)) : jpa;
	}

	@Override
	protected RepositoryFactorySupport createRepositoryFactory(EntityManager entityManager) {
		this.support = new VectorSearchSupport(entityManager, this.searchDefaults, this.queryScope,
				this::transactionManager);
		this.support.setObservations(this.observations);
		if (this.vectorIndexManager != null) {
			this.support.setAfterBulkInsert(new IndexThresholdCheck(this.vectorIndexManager));
		}
		JpaRepositoryFactory factory = new VectorRepositoryFactory(entityManager, this.support);
		// the same settings JpaRepositoryFactoryBean applies to the factory it creates
		if (this.entityPathResolver != null) {
			factory.setEntityPathResolver(this.entityPathResolver);
		}
		if (this.escapeCharacter != null) {
			factory.setEscapeCharacter(this.escapeCharacter);
		}
		factory.setFragmentsContributor(getRepositoryFragmentsContributor());
		if (this.queryMethodFactory != null) {
			factory.setQueryMethodFactory(this.queryMethodFactory);
		}
		QueryEnhancerSelector selector = queryEnhancerSelector();
		if (selector != null) {
			factory.setQueryEnhancerSelector(selector);
		}
		return factory;
	}

	private @Nullable QueryEnhancerSelector queryEnhancerSelector() {
		if (this.queryEnhancerSelector != null) {
			return this.queryEnhancerSelector;
		}
		Class<? extends QueryEnhancerSelector> type = this.queryEnhancerSelectorType;
		if (type == null) {
			return null;
		}
		QueryEnhancerSelector bean = (this.beanFactory != null) ? this.beanFactory.getBeanProvider(type).getIfAvailable()
				: null;
		return (bean != null) ? bean : BeanUtils.instantiateClass(type);
	}

	private PlatformTransactionManager transactionManager() {
		Assert.state(this.beanFactory != null, "No BeanFactory to look up the transaction manager in");
		String name = this.transactionManagerName;
		if (StringUtils.hasText(name) && this.beanFactory.containsBean(name)) {
			return this.beanFactory.getBean(name, PlatformTransactionManager.class);
		}
		return this.beanFactory.getBean(PlatformTransactionManager.class);
	}

}
