package dev.vectorjpa.aot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.repository.support.SimpleVectorRepositoryFragment;
import org.hibernate.annotations.AttributeBinderType;
import org.hibernate.annotations.ValueGenerationType;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

class VectorJpaRuntimeHintsUnitTests {

	private final RuntimeHints hints = new RuntimeHints();

	VectorJpaRuntimeHintsUnitTests() {
		new VectorJpaRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void isRegisteredInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(VectorJpaRuntimeHints.class);
	}

	@Test
	void everyServiceFileAndEveryImplementationItListsIsReachable() throws Exception {
		Path services = Path.of(VectorJpaRuntimeHints.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.resolve("META-INF/services");
		List<Path> files;
		try (Stream<Path> list = Files.list(services)) {
			files = list.sorted().toList();
		}
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrderElementsOf(VectorJpaRuntimeHints.SERVICE_FILES);
		for (Path file : files) {
			assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/services/" + file.getFileName()))
				.accepts(this.hints);
			for (String line : Files.readAllLines(file)) {
				if (!line.isBlank() && !line.startsWith("#")) {
					assertConstructible(Class.forName(line.trim()));
				}
			}
		}
	}

	@Test
	void bindersAndGeneratorsNamedByTheMappingAnnotationsAreConstructible() {
		assertConstructible(VectorColumn.class.getAnnotation(AttributeBinderType.class).binder());
		assertConstructible(DomainId.class.getAnnotation(AttributeBinderType.class).binder());
		assertConstructible(DomainId.class.getAnnotation(ValueGenerationType.class).generatedBy());
	}

	@Test
	void repositoryFragmentMethodsAreInvocable() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(SimpleVectorRepositoryFragment.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
	}

	private void assertConstructible(Class<?> type) {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(type)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(type.getName()).accepts(this.hints);
	}

}
