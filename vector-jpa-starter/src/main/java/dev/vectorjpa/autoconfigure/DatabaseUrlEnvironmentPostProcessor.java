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

	private static final Pattern SCHEME = Pattern.compile("postgres(?:ql)?://");

	// What follows the user info: host[:port][/database][?query]; no '@' in host or database name
	private static final Pattern LOCATION = Pattern.compile("([^/?#@]+)(?:/([^?#/@]*))?(?:\\?([^#]*))?");

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
	 * A {@code jdbc:postgresql:} value is taken as the URL itself.
	 * @throws IllegalArgumentException when the value is not a {@code postgres[ql]://} URL (without showing it)
	 */
	static Map<String, Object> properties(String databaseUrl) {
		String value = databaseUrl.trim();
		if (value.startsWith("jdbc:postgresql:")) {
			// already a JDBC URL: used as it is (credentials, if any, stay in its parameters)
			return Map.of("spring.datasource.url", value);
		}
		Matcher scheme = SCHEME.matcher(value);
		if (!scheme.lookingAt()) {
			throw invalid();
		}
		String rest = value.substring(scheme.end());
		// A password may hold unencoded '@' and '/': the user info ends at the first '@' after which a plain location
		// follows (a later '@' may belong to the query).
		int at = -1;
		Matcher location = LOCATION.matcher(rest);
		while (!location.matches()) {
			at = rest.indexOf('@', at + 1);
			if (at < 0) {
				throw invalid();
			}
			location = LOCATION.matcher(rest.substring(at + 1));
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		String database = (location.group(2) != null) ? location.group(2) : "";
		String query = location.group(3);
		properties.put("spring.datasource.url", "jdbc:postgresql://" + location.group(1) + "/" + database
				+ (StringUtils.hasText(query) ? "?" + query : ""));
		if (at >= 0) {
			String userInfo = rest.substring(0, at);
			int colon = userInfo.indexOf(':');
			putDecoded(properties, "spring.datasource.username", (colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			putDecoded(properties, "spring.datasource.password", (colon >= 0) ? userInfo.substring(colon + 1) : null);
		}
		return properties;
	}

	// The value is never shown: whatever part of it could not be parsed may be the password.
	private static IllegalArgumentException invalid() {
		return new IllegalArgumentException("DATABASE_URL must look like postgresql://user:password@host:port/database"
				+ "?param=value or jdbc:postgresql://host:port/database (its value is not shown: it may hold a password)");
	}

	private static void putDecoded(Map<String, Object> properties, String name, @Nullable String value) {
		if (StringUtils.hasLength(value)) {
			// URLDecoder turns '+' into a space: keep a literal '+' as the URI rules for user info say.
			String decoded;
			try {
				decoded = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// a '%' that starts no escape: the value was not encoded (URLDecoder's message would show it)
				decoded = value;
			}
			properties.put(name, decoded);
		}
	}

}
