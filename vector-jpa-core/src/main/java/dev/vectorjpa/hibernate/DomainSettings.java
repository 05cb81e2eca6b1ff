package dev.vectorjpa.hibernate;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import dev.vectorjpa.tenancy.DomainResolver;
import org.jspecify.annotations.Nullable;

/**
 * Reads the domain settings of {@link VectorJpaSettings} from Hibernate's configuration.
 */
final class DomainSettings {

	private DomainSettings() {
	}

	/** Whether any domain setting is present. */
	static boolean configured(Map<String, ?> settings) {
		return settings.get(VectorJpaSettings.DOMAIN_RESOLVER) != null || settings.get(VectorJpaSettings.DOMAIN) != null;
	}

	/** The configured resolver: {@link VectorJpaSettings#DOMAIN_RESOLVER}, else the fixed {@link VectorJpaSettings#DOMAIN}. */
	static DomainResolver resolver(Map<String, ?> settings) {
		Object configured = settings.get(VectorJpaSettings.DOMAIN_RESOLVER);
		if (configured == null) {
			Object domain = settings.get(VectorJpaSettings.DOMAIN);
			return DomainResolver.fixed((domain != null) ? domain.toString() : null);
		}
		if (configured instanceof DomainResolver resolver) {
			return resolver;
		}
		if (configured instanceof Class<?> type) {
			return instantiate(type);
		}
		String className = configured.toString().trim();
		try {
			return instantiate(Class.forName(className, true, classLoader()));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Property '" + VectorJpaSettings.DOMAIN_RESOLVER + "' names class '"
					+ className + "', which is not on the class path", ex);
		}
	}

	/** Whether {@link VectorJpaSettings#DOMAIN_ROW_LEVEL_SECURITY} is on. */
	static boolean rowLevelSecurity(Map<String, ?> settings) {
		Object value = settings.get(VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY);
		if (value == null || value.toString().isBlank()) {
			return false;
		}
		String text = value.toString().trim();
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(text);
		}
		throw new IllegalStateException("Property '" + VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY
				+ "' must be true or false, got '" + value + "'");
	}

	private static DomainResolver instantiate(Class<?> type) {
		if (!DomainResolver.class.isAssignableFrom(type)) {
			throw new IllegalStateException("Property '" + VectorJpaSettings.DOMAIN_RESOLVER + "' must be a "
					+ DomainResolver.class.getName() + ", got " + type.getName());
		}
		try {
			return (DomainResolver) type.getDeclaredConstructor().newInstance();
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException
				| InvocationTargetException ex) {
			throw new IllegalStateException("Property '" + VectorJpaSettings.DOMAIN_RESOLVER + "': could not create "
					+ type.getName() + " with a public no-argument constructor", ex);
		}
	}

	private static @Nullable ClassLoader classLoader() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		return (loader != null) ? loader : DomainSettings.class.getClassLoader();
	}

}
