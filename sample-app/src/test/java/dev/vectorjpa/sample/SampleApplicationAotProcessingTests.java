package dev.vectorjpa.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Spring's ahead-of-time processing on the sample, as {@code spring-boot:process-aot} does, with no database.
 */
class SampleApplicationAotProcessingTests {

	@Test
	void aotProcessingGeneratesTheContextRepositoriesAndHints(@TempDir Path output) throws Exception {
		Settings settings = Settings.builder()
			.sourceOutput(output.resolve("sources"))
			.resourceOutput(output.resolve("resources"))
			.classOutput(output.resolve("classes"))
			.groupId("dev.vectorjpa")
			.artifactId("vector-jpa-sample-app")
			.build();
		new SpringApplicationAotProcessor(SampleApplication.class, settings, new String[0]).process();
		try (Stream<Path> files = Files.walk(output)) {
			List<String> names = files.map((file) -> output.relativize(file).toString().replace('\\', '/')).toList();
			assertThat(names).contains("sources/dev/vectorjpa/sample/SampleApplication__ApplicationContextInitializer.java");
			// Spring Data generates no query code for a vector repository: it would run findNearest… as plain JPA.
			assertThat(names).noneMatch((name) -> name.contains("ArticleRepositoryImpl__AotRepository"));
			String metadata = Files
				.readString(output.resolve(
						"resources/META-INF/native-image/dev.vectorjpa/vector-jpa-sample-app/reachability-metadata.json"))
				.replace("\\/", "/");
			// The library's own hints (aot.factories) are part of the application's.
			assertThat(metadata).contains("dev.vectorjpa.hibernate.VectorColumnBinder",
					"META-INF/services/org.hibernate.boot.model.TypeContributor");
		}
	}

}
