package dev.vectorjpa.ingest;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.ingest.IngestRepositories.NoteRepository;
import dev.vectorjpa.jdbc.BinaryVectorTransfer;
import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.test.DatabaseTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vector-jpa.binary-transfer=true}: searches switch their connections to binary vector transfer and return
 * exactly what brute force in Java returns, inside and outside transactions, once the statements are server-prepared.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BinaryTransferIntegrationTests {

	AnnotationConfigApplicationContext context;

	NoteRepository notes;

	List<Note> written = new ArrayList<>();

	@BeforeAll
	void start() {
		this.context = new AnnotationConfigApplicationContext();
		this.context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of(VectorJpaSettings.BINARY_TRANSFER, "true")));
		this.context.register(IngestTestConfiguration.class);
		this.context.refresh();
		this.notes = this.context.getBean(NoteRepository.class);
		Random random = new Random(31);
		for (int i = 0; i < 500; i++) {
			Note note = new Note();
			note.text = "n" + i;
			note.embedding = new float[] { (float) random.nextGaussian(), (float) random.nextGaussian(),
					(float) random.nextGaussian() };
			this.written.add(note);
		}
		this.notes.bulkInsert(this.written);
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@Test
	void searchesReturnBruteForceResultsOverBinaryTransfer() throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		Random random = new Random(32);
		// more searches than pgjdbc's prepareThreshold (5) per pooled connection: the later ones are server-prepared,
		// which is when vectors arrive in binary
		for (int i = 0; i < 40; i++) {
			float[] query = { (float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian() };
			List<Nearest<Note>> found = (i % 2 == 0) ? this.notes.findNearest(query, 5)
					: transaction.execute((status) -> this.notes.findNearest(query, 5));
			List<Note> expected = this.written.stream()
				.sorted(Comparator.comparingDouble((Note note) -> HybridSearchIntegrationTests.cosineDistance(query, note.embedding)))
				.limit(5)
				.toList();
			assertThat(found).extracting((nearest) -> nearest.entity().id)
				.containsExactlyElementsOf(expected.stream().map((note) -> note.id).toList());
			for (int j = 0; j < found.size(); j++) {
				assertThat(found.get(j).entity().embedding).containsExactly(expected.get(j).embedding);
			}
		}
		try (Connection connection = this.context.getBean(DataSource.class).getConnection()) {
			assertThat(BinaryVectorTransfer.isEnabled(connection)).isTrue();
		}
	}

}
