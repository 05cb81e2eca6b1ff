package dev.vectorjpa.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.vectorjpa.repository.support.VectorRepositoriesRegistrar;
import dev.vectorjpa.repository.support.VectorRepositoryFactoryBean;
import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector.DefaultQueryEnhancerSelector;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy.Key;

/**
 * Enables Spring Data JPA repositories with vector search: the attributes of {@code @EnableJpaRepositories}, with
 * repositories created by {@link VectorRepositoryFactoryBean} so that {@link VectorRepository} and derived
 * {@code findNearest…} methods work. Not needed with the Spring Boot starter.
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(VectorRepositoriesRegistrar.class)
public @interface EnableVectorRepositories {

	/** Alias for {@link #basePackages()}. */
	String[] value() default {};

	/** Base packages to scan for repository interfaces. */
	String[] basePackages() default {};

	/** Type-safe alternative to {@link #basePackages()}: the packages of these classes are scanned. */
	Class<?>[] basePackageClasses() default {};

	/** Types eligible for component scanning. */
	Filter[] includeFilters() default {};

	/** Types not eligible for component scanning. */
	Filter[] excludeFilters() default {};

	/** Postfix of custom implementation class names. */
	String repositoryImplementationPostfix() default "Impl";

	/** Location of the named queries properties file. */
	String namedQueriesLocation() default "";

	/** Strategy for looking up declared queries; nearest queries are always derived. */
	Key queryLookupStrategy() default Key.CREATE_IF_NOT_FOUND;

	/** The factory bean creating each repository. */
	Class<?> repositoryFactoryBeanClass() default VectorRepositoryFactoryBean.class;

	/** The repository base class. */
	Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

	/** The bean name generator for detected repositories. */
	Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;

	/** Bean name of the {@code EntityManagerFactory} to use. */
	String entityManagerFactoryRef() default "entityManagerFactory";

	/** Bean name of the {@code PlatformTransactionManager} to use. */
	String transactionManagerRef() default "transactionManager";

	/** Whether nested repository interfaces are discovered. */
	boolean considerNestedRepositories() default false;

	/** Whether repository methods are transactional by default. */
	boolean enableDefaultTransactions() default true;

	/** When repositories are initialized. */
	BootstrapMode bootstrapMode() default BootstrapMode.DEFAULT;

	/** The escape character for LIKE patterns of JPA derived queries. */
	char escapeCharacter() default '\\';

	/** The query enhancer selector for declared JPA queries. */
	Class<? extends QueryEnhancerSelector> queryEnhancerSelector() default DefaultQueryEnhancerSelector.class;

}
