package dev.vectorjpa.sample;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.vectorjpa.sample.ingest.Chunker;
import dev.vectorjpa.sample.ingest.Ingestion;
import dev.vectorjpa.sample.passage.PassageService;
import dev.vectorjpa.sample.web.DomainFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.ObjectMapper;

/**
 * A small knowledge base in two domains: passages embedded offline by an in-process ONNX model (LangChain4j's
 * all-MiniLM-L6-v2, quantized) through vector-jpa's embedding SPI, searched through a {@code VectorRepository}, over
 * HTTP and on a web page.
 */
@SpringBootApplication
public class SampleApplication {

	private static final Log logger = LogFactory.getLog(SampleApplication.class);

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		if (Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--import="))) {
			application.setWebApplicationType(WebApplicationType.NONE);   // an import runs next to a running server
		}
		application.run(args);
	}

	/** The embedding model; the starter adapts it to vector-jpa's TextEmbedder. Loaded once per JVM. */
	@Bean
	EmbeddingModel embeddingModel() {
		return Models.MINI_LM;
	}

	@Bean
	CurrentDomain currentDomain() {
		return new CurrentDomain();
	}

	@Bean
	DomainFilter domainFilter(CurrentDomain currentDomain, @Value("${sample.domains}") List<String> domains) {
		return new DomainFilter(currentDomain, domains);
	}

	@Bean
	Ingestion ingestion(PassageService passages, CurrentDomain currentDomain, ObjectMapper json,
			@Value("${sample.chunk.words:120}") int words, @Value("${sample.chunk.overlap:20}") int overlap) {
		return new Ingestion(passages, currentDomain, json, new Chunker(words, overlap));
	}

	/**
	 * Loads the corpus at first start; with {@code --import=path [--domain=d] [--category=c]} imports a directory of
	 * text/markdown files or a JSONL file and exits. Prints the page's URL.
	 */
	@Bean
	ApplicationRunner sampleRunner(Ingestion ingestion, ApplicationContext context,
			@Value("${sample.domains}") List<String> domains) {
		return (ApplicationArguments args) -> {
			if (args.containsOption("import")) {
				String domain = args.containsOption("domain") ? args.getOptionValues("domain").get(0) : domains.get(0);
				String category = args.containsOption("category") ? args.getOptionValues("category").get(0)
						: "imported";
				int imported = ingestion.importPath(Path.of(args.getOptionValues("import").get(0)), domain, category);
				logger.info("Imported " + imported + " passages into domain '" + domain + "'");
				System.exit(SpringApplication.exit(context, () -> 0));
				return;
			}
			int loaded = ingestion.loadCorpus(new ClassPathResource("corpus/passages.jsonl").getInputStream());
			if (loaded > 0) {
				logger.info("Loaded " + loaded + " passages of the bundled corpus");
			}
			if (context instanceof WebServerApplicationContext web) {
				System.out.println();
				System.out.println("  vector-jpa sample is running: open http://localhost:" + web.getWebServer().getPort()
						+ "/");
				System.out.println();
			}
		};
	}

	/** Holds the ONNX model so that it is loaded once per JVM (tests start several contexts). */
	static final class Models {

		static final EmbeddingModel MINI_LM = new AllMiniLmL6V2QuantizedEmbeddingModel();

		private Models() {
		}

	}

}
