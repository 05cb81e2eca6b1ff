package dev.vectorjpa.autoconfigure;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Uses {@code DATABASE_URL} ({@code postgres://} or {@code postgresql://user:pass@host:port/db?params}) as the data
 * source when {@code spring.datasource.url} is not set, as the reference backend does. The property source it adds
 * comes last, so any explicit {@code spring.datasource.*} setting wins.
 *
 * @since 0.1
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the settings taken from {@code DATABASE_URL}. */
	public static final String PROPERTY_SOURCE_NAME = "vectorJpaDatabaseUrl";

	private static final Pattern URL = Pattern
		.compile("postgres(?:ql)?://(?:([^:@/?#]*)(?::([^@/?#]*))?@)?([^/?#]+)(?:/([^?#]*))?(?:\\?([^#]*))?");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (!StringUtils.hasText(databaseUrl) || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(databaseUrl)));
	}

	@Override
	public int getOrder() {
		// After the config data post-processor, so that spring.datasource.url from application.yml is seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The {@code spring.datasource.*} properties of a {@code DATABASE_URL}: {@code url}, and {@code username} and
	 * {@code password} (URL-decoded) when it has them; query parameters are kept as JDBC URL parameters.
	 * @throws IllegalArgumentException when the value is not a {@code postgres[ql]://} URL
	 */
	static Map<String, Object> properties(String databaseUrl) {
		Matcher matcher = URL.matcher(databaseUrl.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("DATABASE_URL must look like postgresql://user:password@host:port/database"
					+ "?param=value, got '" + redact(databaseUrl) + "'");
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		String database = (matcher.group(4) != null) ? matcher.group(4) : "";
		String query = matcher.group(5);
		properties.put("spring.datasource.url", "jdbc:postgresql://" + matcher.group(3) + "/" + database
				+ (StringUtils.hasText(query) ? "?" + query : ""));
		putDecoded(properties, "spring.datasource.username", matcher.group(1));
		putDecoded(properties, "spring.datasource.password", matcher.group(2));
		return properties;
	}

	private static void putDecoded(Map<String, Object> properties, String name, @Nullable String value) {
		if (StringUtils.hasLength(value)) {
			// URLDecoder turns '+' into a space: keep a literal '+' as the URI rules for user info say.
			properties.put(name, URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
		}
	}

	private static String redact(String databaseUrl) {
		return databaseUrl.replaceAll("://([^:@/]*):[^@/]*@", "://$1:****@");
	}

}
