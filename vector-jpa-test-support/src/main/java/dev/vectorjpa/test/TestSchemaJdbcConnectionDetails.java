package dev.vectorjpa.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.container.ContainerImageMetadata;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Boot connection details of a {@link TestSchema}: its URL, with the credentials of the URL's query moved to
 * the username and password.
 */
final class TestSchemaJdbcConnectionDetails implements JdbcConnectionDetails {

	private final String jdbcUrl;

	private @Nullable String username;

	private @Nullable String password;

	TestSchemaJdbcConnectionDetails(TestSchema schema) {
		String url = schema.jdbcUrl();
		int query = url.indexOf('?');
		if (query < 0) {
			this.jdbcUrl = url;
			return;
		}
		StringJoiner kept = new StringJoiner("&");
		for (String parameter : url.substring(query + 1).split("&")) {
			String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
			String value = URLDecoder.decode(parameter.substring(name.length() + (parameter.contains("=") ? 1 : 0)),
					StandardCharsets.UTF_8);
			switch (name) {
				case "user" -> this.username = value;
				case "password" -> this.password = value;
				default -> kept.add(parameter);
			}
		}
		this.jdbcUrl = url.substring(0, query) + ((kept.length() > 0) ? "?" + kept : "");
	}

	/** Registers the connection details of {@code schema} as a bean of {@code context}. */
	static void register(ConfigurableApplicationContext context, TestSchema schema) {
		if (!(context.getBeanFactory() instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@DatabaseTest cannot register its JdbcConnectionDetails with "
					+ context.getClass().getName() + ": its bean factory is not a BeanDefinitionRegistry");
		}
		TestSchemaJdbcConnectionDetails details = new TestSchemaJdbcConnectionDetails(schema);
		RootBeanDefinition definition = new RootBeanDefinition(JdbcConnectionDetails.class, () -> details);
		// The marker @ServiceConnection puts on its beans: @AutoConfigureTestDatabase (in @DataJpaTest) then keeps
		// this test database instead of replacing it with an embedded one.
		new ContainerImageMetadata(schema.database().source()).addTo(definition);
		registry.registerBeanDefinition("vectorJpaTestJdbcConnectionDetails", definition);
	}

	@Override
	public @Nullable String getUsername() {
		return this.username;
	}

	@Override
	public @Nullable String getPassword() {
		return this.password;
	}

	@Override
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String getDriverClassName() {
		return "org.postgresql.Driver";
	}

	@Override
	public String toString() {
		// Never the password.
		return "TestSchemaJdbcConnectionDetails[" + this.jdbcUrl + ", user " + this.username + "]";
	}

}
