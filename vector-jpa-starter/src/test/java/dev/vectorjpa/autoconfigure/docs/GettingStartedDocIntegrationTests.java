package dev.vectorjpa.autoconfigure.docs;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/getting-started.md works verbatim: its snippets are extracted, compiled and started as an application against
 * PostgreSQL (only the data source URL is the test's), and it prints what the page says it prints.
 */
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class GettingStartedDocIntegrationTests {

	private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)[^>]*-->\\n```\\w*\\n(.*?)```",
			Pattern.DOTALL);

	private static final Pattern OUTPUT = Pattern.compile("It prints .*?\\n\\n```\\n(.*?)```", Pattern.DOTALL);

	@Test
	void theSnippetsCompileStartAndPrintWhatThePageSays(@TempDir Path project, TestSchema schema,
			CapturedOutput output) throws Exception {
		String page = Files.readString(Path.of("..", "docs", "getting-started.md"));
		Map<String, String> snippets = snippets(page);
		assertThat(snippets).containsKeys("pom.xml", "src/main/resources/application.yml",
				"src/main/java/com/example/demo/Article.java", "src/main/java/com/example/demo/DemoApplication.java");
		assertThat(snippets.get("pom.xml")).contains("<artifactId>vector-jpa-spring-boot-starter</artifactId>",
				"<artifactId>spring-boot-starter-data-jpa</artifactId>", "<artifactId>postgresql</artifactId>");
		assertThat(snippets.get("src/main/resources/application.yml")).contains("username:", "password:",
				"ddl-auto: update");
		Path classes = Files.createDirectories(project.resolve("classes"));
		compile(project, classes, snippets);
		Files.writeString(classes.resolve("application.yml"), snippets.get("src/main/resources/application.yml"));

		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			Thread.currentThread().setContextClassLoader(loader);
			SpringApplication application = new SpringApplication(new DefaultResourceLoader(loader),
					loader.loadClass("com.example.demo.DemoApplication"));
			// the page's URL names a server of its own; everything else in application.yml is used as written
			try (ConfigurableApplicationContext context = application
				.run("--spring.datasource.url=" + schema.jdbcUrl())) {
				assertThat(context.isRunning()).isTrue();
			}
		}
		finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
		Matcher printed = OUTPUT.matcher(page);
		assertThat(printed.find()).isTrue();
		assertThat(output.getOut()).contains(printed.group(1));
		assertThat(schema.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
				+ "WHERE attrelid = 'article'::regclass AND attname = 'embedding'"))
			.containsExactly(List.of("vector(3)"));
	}

	private static Map<String, String> snippets(String page) {
		Map<String, String> snippets = new LinkedHashMap<>();
		Matcher matcher = SNIPPET.matcher(page);
		while (matcher.find()) {
			snippets.put(matcher.group(1), matcher.group(2));
		}
		return snippets;
	}

	private static void compile(Path project, Path classes, Map<String, String> snippets) throws IOException {
		List<Path> sources = new ArrayList<>();
		for (Map.Entry<String, String> snippet : snippets.entrySet()) {
			if (snippet.getKey().endsWith(".java")) {
				Path source = project.resolve(snippet.getKey());
				Files.createDirectories(source.getParent());
				Files.writeString(source, snippet.getValue());
				sources.add(source);
			}
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
			boolean compiled = compiler
				.getTask(null, files, diagnostics, List.of("-classpath", classpath, "-d", classes.toString(),
						"-proc:none", "-parameters"), null, files.getJavaFileObjectsFromPaths(sources))
				.call();
			assertThat(compiled).as(diagnostics.getDiagnostics().toString()).isTrue();
		}
	}

}
