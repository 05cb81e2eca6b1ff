package dev.vectorjpa.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import dev.vectorjpa.hibernate.DomainIdBinder;
import dev.vectorjpa.hibernate.DomainIdGeneration;
import dev.vectorjpa.hibernate.VectorColumnBinder;
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
import org.springframework.aot.hint.TypeReference;

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
			"org.hibernate.engine.extension.spi.ExtensionIntegration", "org.hibernate.integrator.spi.Integrator",
			"org.hibernate.service.spi.SessionFactoryServiceContributor");

	private static final List<Class<?>> INSTANTIATED = List.of(VectorColumnBinder.class, DomainIdBinder.class,
			DomainIdGeneration.class);

	private static final List<Class<?>> ANNOTATIONS = List.of(VectorColumn.class, VectorIndex.class, DomainId.class,
			FullText.class, MetadataColumn.class, NearestTo.class);

	/** The vector-jpa classes a {@code META-INF/services} file lists. */
	private static List<String> implementations(String resource, @Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : VectorJpaRuntimeHints.class.getClassLoader();
		List<String> names = new ArrayList<>();
		try {
			Enumeration<URL> urls = loader.getResources(resource);
			while (urls.hasMoreElements()) {
				try (InputStream in = urls.nextElement().openStream()) {
					for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
						String name = line.strip();
						if (name.startsWith("dev.vectorjpa.")) {
							names.add(name);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
		return names;
	}

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String file : SERVICE_FILES) {
			hints.resources().registerPattern("META-INF/services/" + file);
			// The implementations are read from the files themselves, so a new contributor cannot be forgotten.
			for (String implementation : implementations("META-INF/services/" + file, classLoader)) {
				hints.reflection()
					.registerType(TypeReference.of(implementation), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
			}
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
