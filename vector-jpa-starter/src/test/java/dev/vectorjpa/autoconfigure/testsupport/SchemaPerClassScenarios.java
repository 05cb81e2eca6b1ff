package dev.vectorjpa.autoconfigure.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.vectorjpa.autoconfigure.app.StarterDocument;
import dev.vectorjpa.autoconfigure.app.StarterDocumentRepository;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code @DatabaseTest} classes with the same Spring Boot configuration: each must get a context connected to its
 * own schema, whichever runs first. (A JVM-wide {@code spring.datasource.url} let the second class reuse the first's
 * cached context after that schema was dropped, so its rows went to {@code public}.)
 */
abstract class SchemaPerClassScenarios {

	/** The context each class used, by class. */
	private static final Map<Class<?>, ApplicationContext> CONTEXTS = new ConcurrentHashMap<>();

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	StarterDocumentRepository repository;

	@Test
	void contextConnectsToThisClassesSchemaAndWritesOnlyThere(TestSchema schema) {
		CONTEXTS.put(getClass(), this.context);
		assertThat(CONTEXTS.entrySet()).filteredOn((entry) -> entry.getKey() != getClass())
			.allSatisfy((entry) -> assertThat(entry.getValue()).isNotSameAs(this.context));
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(schema.name());
		String title = getClass().getSimpleName();
		this.repository.save(new StarterDocument(UUID.randomUUID(), title, new float[] { 1, 0, 0 }));
		assertThat(schema.query("SELECT title FROM starter_documents")).containsExactly(List.of(title));
		// public has no such table: nothing was written there.
		assertThat(schema.query("SELECT schemaname FROM pg_tables WHERE tablename = 'starter_documents' "
				+ "AND schemaname IN ('public', '" + schema.name() + "')"))
			.containsExactly(List.of(schema.name()));
	}

}
