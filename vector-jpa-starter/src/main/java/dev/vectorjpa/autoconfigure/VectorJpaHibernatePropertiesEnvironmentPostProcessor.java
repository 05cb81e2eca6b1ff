package dev.vectorjpa.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vectorjpa.hibernate.VectorJpaSettings;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * During ahead-of-time processing, mirrors {@code vector-jpa.dimensions} and {@code vector-jpa.metric} as
 * {@code spring.jpa.properties.*}: Spring Data's AOT repository generation ({@code spring-boot:process-aot}) builds
 * its own Hibernate metamodel from {@code spring.jpa.properties.*} only, without the starter's
 * {@code HibernatePropertiesCustomizer}, and a {@code @VectorColumn} without dimensions would fail it. At run time the
 * customizer applies them, so nothing is added.
 * <p>
 * The property source comes last, so an explicit {@code spring.jpa.properties.vector-jpa.*} wins.
 *
 * @since 0.1
 */
public class VectorJpaHibernatePropertiesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the mirrored settings. */
	public static final String PROPERTY_SOURCE_NAME = "vectorJpaHibernateProperties";

	private static final String PREFIX = "spring.jpa.properties.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return;
		}
		Binder binder = Binder.get(environment);
		if (!binder.bind("vector-jpa.enabled", Boolean.class).orElse(true)) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		binder.bind("vector-jpa.dimensions", Integer.class)
			.ifBound((dimensions) -> properties.put(PREFIX + VectorJpaSettings.DIMENSIONS, dimensions));
		binder.bind("vector-jpa.metric", String.class)
			.ifBound((metric) -> properties.put(PREFIX + VectorJpaSettings.METRIC, metric));
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		}
	}

	@Override
	public int getOrder() {
		// After the config data post-processor, so that application.yml is seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
