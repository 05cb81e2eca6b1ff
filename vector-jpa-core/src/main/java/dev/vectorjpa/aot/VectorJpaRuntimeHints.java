package dev.vectorjpa.aot;

import java.util.List;

import dev.vectorjpa.hibernate.DomainIdBinder;
import dev.vectorjpa.hibernate.DomainIdGeneration;
import dev.vectorjpa.hibernate.DomainSessionFactoryBuilderFactory;
import dev.vectorjpa.hibernate.DomainTransactionIntegration;
import dev.vectorjpa.hibernate.VectorColumnBinder;
import dev.vectorjpa.hibernate.VectorFunctionContributor;
import dev.vectorjpa.hibernate.VectorJpaIntegrator;
import dev.vectorjpa.hibernate.VectorMetadataIntegrator;
import dev.vectorjpa.hibernate.VectorTypeContributor;
import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.MetadataColumn;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.repository.NearestTo;
import dev.vectorjpa.repository.VectorRepository;
import dev.vectorjpa.repository.support.SimpleVectorRepositoryFragment;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Runtime hints for a native image: the Hibernate extensions that Hibernate loads through
 * {@code META-INF/services} and instantiates reflectively (contributors, integrators, attribute binders, the
 * {@code @DomainId} generator), the mapping annotations read from entities, and the repository fragment whose
 * methods Spring Data invokes reflectively. Registered in {@code META-INF/spring/aot.factories}.
 *
 * @since 0.1
 */
public class VectorJpaRuntimeHints implements RuntimeHintsRegistrar {

	/** The {@code META-INF/services} files of vector-jpa-core. */
	static final List<String> SERVICE_FILES = List.of("org.hibernate.boot.model.FunctionContributor",
			"org.hibernate.boot.model.TypeContributor", "org.hibernate.boot.spi.SessionFactoryBuilderFactory",
			"org.hibernate.engine.extension.spi.ExtensionIntegration", "org.hibernate.integrator.spi.Integrator");

	private static final List<Class<?>> INSTANTIATED = List.of(VectorFunctionContributor.class,
			VectorTypeContributor.class, DomainSessionFactoryBuilderFactory.class, DomainTransactionIntegration.class,
			VectorMetadataIntegrator.class, VectorJpaIntegrator.class, VectorColumnBinder.class, DomainIdBinder.class,
			DomainIdGeneration.class);

	private static final List<Class<?>> ANNOTATIONS = List.of(VectorColumn.class, VectorIndex.class, DomainId.class,
			FullText.class, MetadataColumn.class, NearestTo.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String file : SERVICE_FILES) {
			hints.resources().registerPattern("META-INF/services/" + file);
		}
		for (Class<?> type : INSTANTIATED) {
			hints.reflection().registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		}
		for (Class<?> type : ANNOTATIONS) {
			hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
		hints.reflection()
			.registerType(SimpleVectorRepositoryFragment.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
					MemberCategory.INVOKE_PUBLIC_METHODS)
			.registerType(VectorRepository.class, MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
