package dev.vectorjpa.liquibase;

import liquibase.parser.LiquibaseParser;
import liquibase.parser.NamespaceDetails;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import liquibase.serializer.LiquibaseSerializer;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;

/**
 * Declares the {@value #NAMESPACE} namespace, its {@code vector} prefix and its XSD to Liquibase's XML parser and
 * serializer.
 *
 * @since 0.1
 */
public class VectorNamespaceDetails implements NamespaceDetails {

	/** The XML namespace of the vector-jpa change types. */
	public static final String NAMESPACE = "http://vectorjpa.dev/liquibase";

	/**
	 * The XSD's URL; Liquibase resolves it offline from the classpath resource named by its lower-case path,
	 * {@code vectorjpa.dev/liquibase/vector-jpa-liquibase-latest.xsd}, shipped in this jar.
	 */
	public static final String SCHEMA_URL = NAMESPACE + "/vector-jpa-liquibase-latest.xsd";

	/** The prefix the XML serializer writes for the namespace. */
	public static final String SHORT_NAME = "vector";

	@Override
	public int getPriority() {
		return PRIORITY_EXTENSION;
	}

	@Override
	public boolean supports(LiquibaseSerializer serializer, String namespace) {
		return serializer instanceof XMLChangeLogSerializer && NAMESPACE.equals(namespace);
	}

	@Override
	public boolean supports(LiquibaseParser parser, String namespace) {
		return parser instanceof XMLChangeLogSAXParser && NAMESPACE.equals(namespace);
	}

	@Override
	public String getShortName(String namespace) {
		return SHORT_NAME;
	}

	@Override
	public String getSchemaUrl(String namespace) {
		return SCHEMA_URL;
	}

	@Override
	public String[] getNamespaces() {
		return new String[] { NAMESPACE };
	}

}
