package dev.vectorjpa.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DatabaseUrlEnvironmentPostProcessor}.
 */
class DatabaseUrlEnvironmentPostProcessorUnitTests {

	private final DatabaseUrlEnvironmentPostProcessor postProcessor = new DatabaseUrlEnvironmentPostProcessor();

	@Test
	void convertsPostgresqlUrlWithCredentialsPortAndQuery() {
		assertThat(DatabaseUrlEnvironmentPostProcessor
			.properties("postgresql://app:secret@db.example.com:5433/vectors?sslmode=require&application_name=api"))
			.containsExactly(
					Map.entry("spring.datasource.url",
							"jdbc:postgresql://db.example.com:5433/vectors?sslmode=require&application_name=api"),
					Map.entry("spring.datasource.username", "app"), Map.entry("spring.datasource.password", "secret"));
	}

	@Test
	void acceptsPostgresScheme() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.properties("postgres://app:secret@localhost/vectors"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://localhost/vectors");
	}

	@Test
	void decodesSpecialCharactersInCredentials() {
		assertThat(DatabaseUrlEnvironmentPostProcessor
			.properties("postgresql://us%40er:p%40ss%3Aw%2Frd%23%3F%25+x@localhost:5432/db"))
			.containsEntry("spring.datasource.username", "us@er")
			.containsEntry("spring.datasource.password", "p@ss:w/rd#?%+x");
	}

	@Test
	void keepsCredentialsOutOfTheJdbcUrl() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.properties("postgresql://app:secret@localhost:5432/db")
			.get("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:5432/db");
	}

	@Test
	void allowsUserWithoutPassword() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.properties("postgresql://app@localhost/db")).containsExactly(
				Map.entry("spring.datasource.url", "jdbc:postgresql://localhost/db"),
				Map.entry("spring.datasource.username", "app"));
	}

	@Test
	void allowsNoCredentials() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.properties("postgresql://localhost:5432/db?sslmode=disable"))
			.containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://localhost:5432/db?sslmode=disable"));
	}

	@Test
	void keepsQueryParametersWhenTheDatabaseIsOmitted() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.properties("postgresql://h:1?sslmode=verify-full"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://h:1/?sslmode=verify-full");
	}

	@Test
	void rejectsOtherSchemesWithoutShowingThePassword() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.properties("mysql://app:secret@localhost/db"))
			.withMessage("DATABASE_URL must look like postgresql://user:password@host:port/database?param=value or "
					+ "jdbc:postgresql://host:port/database (its value is not shown: it may hold a password)");
	}

	@Test
	void acceptsUnencodedSlashAndAtInThePassword() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.properties("postgresql://app:p@ss/w@rd:x@db:5432/prod?a=b@c"))
			.containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://db:5432/prod?a=b@c"),
					Map.entry("spring.datasource.username", "app"),
					Map.entry("spring.datasource.password", "p@ss/w@rd:x"));
	}

	@Test
	void keepsAPasswordThatIsNotPercentEncoded() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.properties("postgresql://app:100%zz@db/prod"))
			.containsEntry("spring.datasource.password", "100%zz");
	}

	@Test
	void takesAJdbcUrlAsItIs() {
		assertThat(DatabaseUrlEnvironmentPostProcessor
			.properties("jdbc:postgresql://db:5432/prod?user=app&password=s3cr/t@x"))
			.containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://db:5432/prod?user=app&password=s3cr/t@x"));
	}

	@Test
	void neverShowsAPasswordOfAnUnparsableValue() {
		for (String value : new String[] { "mysql://app:s3cr/t@db/x", "postgresql://app:s3cr/t@", "postgresql://",
				"jdbc:mysql://db/x?password=s3cr/t", "postgres://app:s3cr/t@db:5432/x/y" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.properties(value))
				.withMessageNotContaining("s3cr")
				.withMessageStartingWith("DATABASE_URL must look like");
		}
	}

	@Test
	void addsALowPriorityPropertySourceWhenDatasourceUrlIsUnset() {
		StandardEnvironment environment = environment(Map.of("DATABASE_URL", "postgres://u:p@h:5432/d"));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("explicit", Map.of("spring.datasource.username", "explicit")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://h:5432/d");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("p");
		// Anything set explicitly wins over DATABASE_URL.
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("explicit");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(DatabaseUrlEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	@Test
	void ignoresDatabaseUrlWhenDatasourceUrlIsSet() {
		StandardEnvironment environment = environment(
				Map.of("DATABASE_URL", "postgres://u:p@h:5432/d", "spring.datasource.url", "jdbc:postgresql://other/x"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://other/x");
		assertThat(environment.getProperty("spring.datasource.password")).isNull();
		assertThat(environment.getPropertySources().contains(DatabaseUrlEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void doesNothingWithoutDatabaseUrl() {
		StandardEnvironment environment = environment(Map.of());
		int before = environment.getPropertySources().size();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().size()).isEqualTo(before);
	}

	@Test
	void isRegisteredWithSpringBoot() {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("DATABASE_URL", "postgresql://app:s%3Acret@db:6543/prod?sslmode=require"));
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
				.isEqualTo("jdbc:postgresql://db:6543/prod?sslmode=require");
			assertThat(context.getEnvironment().getProperty("spring.datasource.password")).isEqualTo("s:cret");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		// A fresh environment without the JVM's system properties (a database test sets spring.datasource.url).
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().forEach((source) -> environment.getPropertySources().remove(source.getName()));
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
