package dev.vectorjpa.autoconfigure.testsupport;

import dev.vectorjpa.autoconfigure.app.StarterTestApplication;
import dev.vectorjpa.test.DatabaseTest;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Second of two classes with the same configuration and a schema each (see {@link SchemaPerClassScenarios}).
 */
@DatabaseTest
@SpringBootTest(classes = StarterTestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "vector-jpa.dimensions=3" })
class SecondSchemaPerClassIntegrationTests extends SchemaPerClassScenarios {

}
