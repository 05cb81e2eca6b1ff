package dev.vectorjpa.hibernate;

import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.DomainId;
import dev.vectorjpa.mapping.FullText;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.VectorColumn;
import dev.vectorjpa.mapping.VectorIndex;
import dev.vectorjpa.mapping.VectorType;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Entity metadata is read from Hibernate's boot model with the names Hibernate's own SQL uses.
 */
@DatabaseTest
class VectorEntityMetadataIntegrationTests {

	@Test
	void readsTableColumnsAndResolvedVectorSettings(TestSchema schema) {
		try (EntityManagerFactory emf = new HibernatePersistenceConfiguration("metadata")
			.managedClasses(Article.class)
			.jdbcUrl(schema.jdbcUrl())
			.property(AvailableSettings.HBM2DDL_AUTO, "none")
			.property(VectorJpaSettings.DIMENSIONS, "8")
			.property(VectorJpaSettings.METRIC, "euclidean")
			.createEntityManagerFactory()) {
			VectorEntityMetadata metadata = VectorEntityMetadata.of(emf, Article.class);
			assertThat(metadata.tableName()).isEqualTo("news_article");
			assertThat(metadata.schemaName()).isNull();
			assertThat(metadata.id().columnName()).isEqualTo("id");
			assertThat(metadata.vectorAttributes()).hasSize(2);
			VectorAttribute body = metadata.vectorAttribute("bodyEmbedding");
			assertThat(body.columnName()).isEqualTo("bodyembedding");
			assertThat(body.dimensions()).isEqualTo(8);
			assertThat(body.metric()).isEqualTo(Metric.EUCLIDEAN);
			assertThat(body.index()).isNotNull();
			VectorAttribute title = metadata.vectorAttribute("titleEmbedding");
			assertThat(title.column()).isEqualTo("\"Title_Vec\"");
			assertThat(title.columnName()).isEqualTo("Title_Vec");
			assertThat(title.type()).isEqualTo(VectorType.HALFVEC);
			assertThat(title.dimensions()).isEqualTo(4);
			assertThat(title.metric()).isEqualTo(Metric.INNER_PRODUCT);
			assertThat(title.nullable()).isFalse();
			assertThat(metadata.domain().name()).isEqualTo("tenant");
			assertThat(metadata.metadata().name()).isEqualTo("attributes");
			assertThat(metadata.fullText().name()).isEqualTo("body");
			assertThat(metadata.fullTextConfig()).isEqualTo("simple");
			assertThatIllegalArgumentException().isThrownBy(() -> metadata.vectorAttribute(null))
				.withMessage("Article has several @VectorColumn attributes; name one with @NearestTo "
						+ "(it has bodyEmbedding, titleEmbedding)");
			assertThatIllegalArgumentException().isThrownBy(() -> VectorEntityMetadata.of(emf, String.class))
				.withMessage("java.lang.String is not an entity of this persistence unit");
		}
	}

	@Entity(name = "Article")
	@Table(name = "news_article")
	static class Article {

		@Id
		UUID id;

		@DomainId
		String tenant;

		@FullText(config = "simple")
		String body;

		@JdbcTypeCode(SqlTypes.JSON)
		Map<String, Object> attributes;

		@VectorColumn
		@VectorIndex(type = IndexType.HNSW)
		float[] bodyEmbedding;

		@VectorColumn(dimensions = 4, type = VectorType.HALFVEC, metric = Metric.INNER_PRODUCT)
		@Column(name = "\"Title_Vec\"", nullable = false)
		float[] titleEmbedding;

	}

}
