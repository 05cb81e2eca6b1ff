package dev.vectorjpa.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.InvalidVectorException;
import dev.vectorjpa.ingest.IngestRepositories.IdentityNoteRepository;
import dev.vectorjpa.ingest.IngestRepositories.NoteRepository;
import dev.vectorjpa.ingest.IngestRepositories.ProductRepository;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code bulkInsert}: binary COPY of every basic type, streaming, in the caller's transaction, validated first.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkInsertIntegrationTests {

	AnnotationConfigApplicationContext context;

	ProductRepository products;

	NoteRepository notes;

	IdentityNoteRepository identityNotes;

	TransactionTemplate transaction;

	EntityManager entityManager;

	@BeforeAll
	void start() {
		this.context = new AnnotationConfigApplicationContext(IngestTestConfiguration.class);
		this.products = this.context.getBean(ProductRepository.class);
		this.notes = this.context.getBean(NoteRepository.class);
		this.identityNotes = this.context.getBean(IdentityNoteRepository.class);
		this.transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		this.entityManager = SharedEntityManagerCreator
			.createSharedEntityManager(this.context.getBean(EntityManagerFactory.class));
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@Test
	void writesEveryBasicTypeAndReadsItBackThroughJpa(TestSchema schema) {
		Product full = product(UUID.randomUUID());
		Product sparse = new Product();
		sparse.id = UUID.randomUUID();
		sparse.embedding = new float[] { 0, 0, 0, 1 };
		assertThat(this.products.bulkInsert(List.of(full, sparse))).isEqualTo(2);
		Product read = this.transaction.execute((status) -> this.entityManager.find(Product.class, full.id));
		assertThat(read.name).isEqualTo("lamp; 'quoted' \"too\"");
		assertThat(read.stock).isEqualTo(7);
		assertThat(read.views).isEqualTo(9_000_000_000L);
		assertThat(read.price).isEqualTo(19.5);
		assertThat(read.cost).isEqualByComparingTo("1234.5678");
		assertThat(read.active).isTrue();
		assertThat(read.released).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(read.updated).isEqualTo(full.updated);
		assertThat(read.created).isEqualTo(full.created);
		assertThat(read.color).isEqualTo(Product.Color.GREEN);
		assertThat(read.size).isEqualTo(Product.Size.L);
		assertThat(read.attributes).containsEntry("brand", "acme").containsEntry("tags", List.of("a", "b"));
		assertThat(read.embedding).containsExactly(0.5f, -1.25f, 3e-5f, 1e10f);
		assertThat(read.half).containsExactly(0.5f, -1.25f, 2f, 1024f);
		assertThat(read.sparse).isEqualTo(SparseVector.of(10, Map.of(0, 1.5f, 9, -2f)));
		assertThat(read.bits).isEqualTo(BitVector.of("10110001"));
		Product empty = this.transaction.execute((status) -> this.entityManager.find(Product.class, sparse.id));
		assertThat(empty.name).isNull();
		assertThat(empty.stock).isNull();
		assertThat(empty.attributes).isNull();
		assertThat(empty.half).isNull();
		assertThat(empty.bits).isNull();
		assertThat(schema.query("SELECT color, size FROM product WHERE id = '" + full.id + "'"))
			.containsExactly(List.of("GREEN", 2));
	}

	@Test
	void rollsBackWithTheCallersTransaction() {
		UUID id = UUID.randomUUID();
		this.transaction.executeWithoutResult((status) -> {
			this.products.bulkInsert(List.of(product(id)));
			assertThat(this.products.existsById(id)).isTrue();
			status.setRollbackOnly();
		});
		assertThat(this.products.existsById(id)).isFalse();
	}

	@Test
	void streamsALargeIterableWithoutMaterialisingIt() {
		long before = this.notes.count();
		int rows = 120_000;
		Iterable<Note> generated = () -> new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return this.next < rows;
			}

			@Override
			public Note next() {
				Note note = new Note();
				note.text = "note " + this.next;
				note.embedding = new float[] { this.next, 1, -1 };
				this.next++;
				return note;
			}

		};
		assertThat(this.notes.bulkInsert(generated)).isEqualTo(rows);
		assertThat(this.notes.count()).isEqualTo(before + rows);
	}

	@Test
	void sequenceIdsArePreAllocatedAndSetOnTheEntities() {
		List<Note> batch = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Note note = new Note();
			note.text = "n" + i;
			note.embedding = new float[] { i, i, i };
			batch.add(note);
		}
		this.notes.bulkInsert(batch);
		assertThat(batch).allSatisfy((note) -> assertThat(note.id).isNotNull());
		assertThat(batch.stream().map((note) -> note.id).distinct()).hasSize(5);
		assertThat(this.notes.findAllById(batch.stream().map((note) -> note.id).toList()))
			.extracting((note) -> note.text)
			.containsExactlyInAnyOrder("n0", "n1", "n2", "n3", "n4");
	}

	@Test
	void identityIdsAreRejectedWithAnExplanation() {
		IdentityNote note = new IdentityNote();
		note.embedding = new float[] { 1, 2, 3 };
		// Spring Data's repository proxy translates IllegalArgumentExceptions, keeping message and cause
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.identityNotes.bulkInsert(List.of(note)))
			.withCauseExactlyInstanceOf(IllegalArgumentException.class)
			.withMessage("bulkInsert needs ids it can write: IdentityNote has a null id and its ids are generated by "
					+ "the database (identity); use assigned ids, @GeneratedValue(strategy = GenerationType.UUID) "
					+ "or a sequence");
	}

	@Test
	void anInvalidVectorAnywhereWritesNothing() {
		long before = this.products.count();
		Product good = product(UUID.randomUUID());
		Product bad = product(UUID.randomUUID());
		bad.embedding = new float[] { 1, 2, 3 };
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.products.bulkInsert(List.of(good, bad)))
			.withCauseExactlyInstanceOf(InvalidVectorException.class)
			.withMessage("Product.embedding: expected 4 dimensions, got 3");
		Product nan = product(UUID.randomUUID());
		nan.embedding = new float[] { 1, Float.NaN, 3, 4 };
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.products.bulkInsert(List.of(nan)))
			.withCauseExactlyInstanceOf(InvalidVectorException.class)
			.withMessageStartingWith("Product.embedding: ");
		Product missing = product(UUID.randomUUID());
		missing.embedding = null;
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.products.bulkInsert(List.of(missing)))
			.withCauseExactlyInstanceOf(InvalidVectorException.class)
			.withMessageContaining("NOT NULL");
		assertThat(this.products.count()).isEqualTo(before);
		assertThat(this.products.existsById(good.id)).isFalse();
	}

	@Test
	void anInvalidVectorAfterThousandsOfStreamedRowsWritesNothing() {
		// assigned ids: one COPY streams the rows as they come, so most of them reached the server before the bad one
		long before = this.products.count();
		List<Product> batch = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			batch.add(product(UUID.randomUUID()));
		}
		batch.get(19_999).embedding = new float[] { 1, 2, Float.POSITIVE_INFINITY, 4 };
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.products.bulkInsert(batch))
			.withCauseExactlyInstanceOf(InvalidVectorException.class)
			.withMessageStartingWith("Product.embedding: ");
		assertThat(this.products.count()).isEqualTo(before);
		batch.remove(19_999);
		assertThat(this.products.bulkInsert(batch)).isEqualTo(19_999);
		assertThat(this.products.count()).isEqualTo(before + 19_999);
	}

	private static Product product(UUID id) {
		Product product = new Product();
		product.id = id;
		product.name = "lamp; 'quoted' \"too\"";
		product.stock = 7;
		product.views = 9_000_000_000L;
		product.price = 19.5;
		product.cost = new BigDecimal("1234.5678");
		product.active = true;
		product.released = LocalDate.of(2024, 2, 29);
		product.updated = LocalDateTime.of(2025, 1, 2, 3, 4, 5, 123_456_000);
		product.created = Instant.now().truncatedTo(ChronoUnit.MICROS);
		product.color = Product.Color.GREEN;
		product.size = Product.Size.L;
		product.attributes = Map.of("brand", "acme", "tags", List.of("a", "b"));
		product.embedding = new float[] { 0.5f, -1.25f, 3e-5f, 1e10f };
		product.half = new float[] { 0.5f, -1.25f, 2f, 1024f };
		product.sparse = SparseVector.of(10, Map.of(0, 1.5f, 9, -2f));
		product.bits = BitVector.of("10110001");
		return product;
	}

}
