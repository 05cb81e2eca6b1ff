package dev.vectorjpa.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class VectorJpaHibernatePropertiesEnvironmentPostProcessorUnitTests {

	private final VectorJpaHibernatePropertiesEnvironmentPostProcessor postProcessor = //
			new VectorJpaHibernatePropertiesEnvironmentPostProcessor();

	@AfterEach
	void clearAotProcessing() {
		System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
	}

	@Test
	void duringAotProcessingMirrorsDimensionsAndMetricForSpringDataAotMetamodel() {
		System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
		StandardEnvironment environment = environment(
				Map.of("vector-jpa.dimensions", "256", "vector-jpa.metric", "euclidean"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.properties.vector-jpa.dimensions")).isEqualTo("256");
		assertThat(environment.getProperty("spring.jpa.properties.vector-jpa.metric")).isEqualTo("euclidean");
	}

	@Test
	void explicitJpaPropertyWinsAndDisabledLibraryAddsNothing() {
		System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
		StandardEnvironment explicit = environment(
				Map.of("vector-jpa.dimensions", "256", "spring.jpa.properties.vector-jpa.dimensions", "8"));
		this.postProcessor.postProcessEnvironment(explicit, new SpringApplication());
		assertThat(explicit.getProperty("spring.jpa.properties.vector-jpa.dimensions")).isEqualTo("8");
		StandardEnvironment disabled = environment(Map.of("vector-jpa.dimensions", "256", "vector-jpa.enabled", "false"));
		this.postProcessor.postProcessEnvironment(disabled, new SpringApplication());
		assertThat(disabled.getPropertySources()
			.contains(VectorJpaHibernatePropertiesEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

	@Test
	void atRunTimeAddsNothingBecauseTheCustomizerAppliesTheSettings() {
		StandardEnvironment environment = environment(Map.of("vector-jpa.dimensions", "256"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.properties.vector-jpa.dimensions")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
