package dev.vectorjpa.embedding;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Mistakes in {@code embeddedFrom} fail when the persistence unit starts, naming the attribute.
 */
@DatabaseTest
class EmbeddingStartupIntegrationTests {

	@Test
	void dimensionMismatchNamesModelAndColumn(TestSchema schema) {
		TextEmbedder wide = new WordHashEmbedder() {
			@Override
			public int dimensions() {
				return 384;
			}

			@Override
			public String toString() {
				return "wide-model";
			}
		};
		assertThatException().isThrownBy(() -> start(schema, wide, Article.class))
			.withStackTraceContaining("Article.embedding: @VectorColumn(embeddedFrom = \"body\") is a vector(8) "
					+ "column, but the embedding model (wide-model) returns 384 dimensions");
	}

	@Test
	void unknownSourceAttributeIsNamed(TestSchema schema) {
		assertThatException().isThrownBy(() -> start(schema, new WordHashEmbedder(), Misnamed.class))
			.withStackTraceContaining("Misnamed.embedding: @VectorColumn(embeddedFrom = \"bdy\") names no attribute "
					+ "of Misnamed");
	}

	@Test
	void nonTextSourceIsNamed(TestSchema schema) {
		assertThatException().isThrownBy(() -> start(schema, new WordHashEmbedder(), Numbered.class))
			.withStackTraceContaining("Numbered.embedding: @VectorColumn(embeddedFrom = \"rank\") must name a String "
					+ "attribute, Numbered.rank is Integer");
	}

	@Test
	void embeddedAttributeWithoutModelIsNamed(TestSchema schema) {
		assertThatException().isThrownBy(() -> start(schema, null, Article.class))
			.withStackTraceContaining("Article.embedding: @VectorColumn(embeddedFrom = \"body\") needs an embedding "
					+ "model, but none is configured");
	}

	private static void start(TestSchema schema, @Nullable TextEmbedder embedder, Class<?> entity) {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(schema.jdbcUrl());
			LocalContainerEntityManagerFactoryBean factory = EmbeddingTestConfiguration.factory(dataSource, embedder,
					entity);
			factory.afterPropertiesSet();
			factory.destroy();
		}
	}

	@Entity
	static class Misnamed {

		@Id
		UUID id;

		String body;

		@VectorColumn(dimensions = 8, embeddedFrom = "bdy")
		float[] embedding;

	}

	@Entity
	static class Numbered {

		@Id
		UUID id;

		int rank;

		@VectorColumn(dimensions = 8, embeddedFrom = "rank")
		float[] embedding;

	}


}
