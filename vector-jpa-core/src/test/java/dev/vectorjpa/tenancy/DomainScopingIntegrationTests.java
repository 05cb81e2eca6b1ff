package dev.vectorjpa.tenancy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.hibernate.DomainTenantIdentifierResolver;
import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each operation of the plain JPA and Spring Data JPA surface, one at a time, against two domains.
 */
@DatabaseTest
class DomainScopingIntegrationTests {

	private static final String A = "acme";

	private static final String B = "o'brien; DROP TABLE notes; --";

	private TenancyFixture fixture;

	private UUID a1;

	private UUID b1;

	@BeforeEach
	void setUp(TestSchema schema) {
		this.fixture = new TenancyFixture(schema, Map.of());
		this.a1 = UUID.randomUUID();
		this.b1 = UUID.randomUUID();
		this.fixture.run(A, () -> this.fixture.notes.save(new Note(this.a1, "shared")));
		this.fixture.run(B, () -> this.fixture.notes.save(new Note(this.b1, "shared")));
	}

	@AfterEach
	void tearDown() {
		this.fixture.close();
	}

	@Test
	void persistSetsTheCurrentDomain() {
		assertThat(this.fixture.rows()).containsEntry(this.a1, List.of(A, "shared")).containsEntry(this.b1,
				List.of(B, "shared"));
	}

	@Test
	void persistRejectsAnEntityCarryingAnotherDomain() {
		UUID id = UUID.randomUUID();
		assertThatException().isThrownBy(() -> this.fixture.run(A, () -> this.fixture.notes.saveAndFlush(
				new Note(id, B, "intruder"))))
			.withStackTraceContaining("@DomainId Note.domain of a new entity is '" + B + "' but the current domain is '" + A + "'");
		assertThat(this.fixture.rows()).doesNotContainKey(id);
	}

	@Test
	void persistAcceptsAnEntityCarryingTheCurrentDomain() {
		UUID id = UUID.randomUUID();
		this.fixture.run(A, () -> this.fixture.notes.save(new Note(id, A, "explicit")));
		assertThat(this.fixture.rows()).containsEntry(id, List.of(A, "explicit"));
	}

	@Test
	void findByIdOfAnotherDomainIsEmpty() {
		assertThat(this.fixture.in(A, () -> this.fixture.notes.findById(this.b1))).isEmpty();
		assertThat(this.fixture.in(A, () -> this.fixture.notes.findById(this.a1))).isPresent();
		assertThat(this.fixture.in(A, () -> this.fixture.sharedEntityManager.find(Note.class, this.b1))).isNull();
	}

	@Test
	void referenceToAnotherDomainsRowCannotBeInitialized() {
		assertThatException().isThrownBy(() -> this.fixture.run(A,
				() -> this.fixture.sharedEntityManager.getReference(Note.class, this.b1).getTitle()))
			.isInstanceOf(EntityNotFoundException.class);
	}

	@Test
	void hibernatesOwnTenantResolverAndADomainSettingAreNotCombined(TestSchema schema) {
		CurrentTenantIdentifierResolver<String> own = new CurrentTenantIdentifierResolver<>() {

			@Override
			public String resolveCurrentTenantIdentifier() {
				return "t";
			}

			@Override
			public boolean validateExistingCurrentSessions() {
				return false;
			}

		};
		assertThatException().isThrownBy(() -> new HibernatePersistenceConfiguration("both").managedClass(Note.class)
			.jdbcUrl(schema.jdbcUrl())
			.property(AvailableSettings.HBM2DDL_AUTO, "none")
			.property(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, own)
			.property(VectorJpaSettings.DOMAIN, "acme")
			.createEntityManagerFactory())
			.withStackTraceContaining("Both a Hibernate CurrentTenantIdentifierResolver")
			.withStackTraceContaining("and vector-jpa's domain setting ('vector-jpa.domain-resolver' or "
					+ "'vector-jpa.domain') are configured: use one of them");
	}

	@Test
	void existsCountAndFindAllSeeOneDomain() {
		assertThat(this.fixture.in(A, () -> this.fixture.notes.existsById(this.b1))).isFalse();
		assertThat(this.fixture.in(A, () -> this.fixture.notes.existsById(this.a1))).isTrue();
		assertThat(this.fixture.in(B, () -> this.fixture.notes.count())).isOne();
		assertThat(this.fixture.in(B, () -> this.fixture.notes.findAll())).extracting(Note::getId)
			.containsExactly(this.b1);
	}

	@Test
	void derivedAndDeclaredJpqlQueriesSeeOneDomain() {
		assertThat(this.fixture.in(A, () -> this.fixture.notes.findByTitle("shared"))).extracting(Note::getId)
			.containsExactly(this.a1);
		assertThat(this.fixture.in(A, () -> this.fixture.notes.countByTitle("shared"))).isOne();
		assertThat(this.fixture.in(A, () -> this.fixture.notes.findTitled("sha"))).extracting(Note::getId)
			.containsExactly(this.a1);
	}

	@Test
	void bulkJpqlUpdateAndDeleteTouchOneDomain() {
		assertThat(this.fixture.in(A, () -> this.fixture.notes.retitle("shared", "renamed"))).isOne();
		assertThat(this.fixture.rows()).containsEntry(this.a1, List.of(A, "renamed"))
			.containsEntry(this.b1, List.of(B, "shared"));
		assertThat(this.fixture.in(B, () -> this.fixture.notes.deleteTitled("renamed"))).isZero();
		assertThat(this.fixture.in(B, () -> this.fixture.notes.deleteTitled("shared"))).isOne();
		assertThat(this.fixture.rows()).containsOnlyKeys(this.a1);
	}

	@Test
	void deleteAllAndDeleteAllInBatchTouchOneDomain() {
		this.fixture.run(A, () -> this.fixture.notes.deleteAll());
		assertThat(this.fixture.rows()).containsOnlyKeys(this.b1);
		this.fixture.run(A, () -> this.fixture.notes.save(new Note(this.a1, "again")));
		this.fixture.run(A, () -> this.fixture.notes.deleteAllInBatch());
		assertThat(this.fixture.rows()).containsOnlyKeys(this.b1);
		this.fixture.run(A, () -> this.fixture.notes.deleteAllByIdInBatch(List.of(this.b1)));
		this.fixture.run(A, () -> this.fixture.notes.deleteById(this.b1));
		assertThat(this.fixture.rows()).containsOnlyKeys(this.b1);
	}

	@Test
	void mergingAnotherDomainsRowNeverUpdatesIt() {
		assertThatException().isThrownBy(
				() -> this.fixture.run(A, () -> this.fixture.notes.saveAndFlush(new Note(this.b1, "hijacked"))));
		assertThat(this.fixture.rows()).containsEntry(this.b1, List.of(B, "shared"));
	}

	@Test
	void domainIsNeverUpdated() {
		this.fixture.run(A, () -> {
			EntityManager em = this.fixture.sharedEntityManager;
			em.createQuery("update Note n set n.title = 'x'").executeUpdate();
		});
		assertThat(this.fixture.rows()).containsEntry(this.a1, List.of(A, "x"));
		assertThat(this.fixture.rows()).containsEntry(this.b1, List.of(B, "shared"));
	}

	@Test
	void statelessSessionsAreScopedToo() {
		SessionFactory sessionFactory = this.fixture.entityManagerFactory.unwrap(SessionFactory.class);
		UUID id = UUID.randomUUID();
		this.fixture.domains.set(A);
		try {
			sessionFactory.inStatelessTransaction((session) -> {
				assertThat(session.get(Note.class, this.b1)).isNull();
				assertThat(session.createSelectionQuery("from Note", Note.class).getResultList())
					.extracting(Note::getId)
					.containsExactly(this.a1);
				session.insert(new Note(id, "stateless"));
			});
		}
		finally {
			this.fixture.domains.set(null);
		}
		assertThat(this.fixture.rows()).containsEntry(id, List.of(A, "stateless"));
	}

	@Test
	void withoutDomainNothingIsScoped() {
		assertThat(this.fixture.in(null, () -> this.fixture.notes.count())).isEqualTo(2);
		UUID id = UUID.randomUUID();
		this.fixture.run(null, () -> this.fixture.notes.save(new Note(id, "c", "unscoped")));
		UUID none = UUID.randomUUID();
		this.fixture.run(null, () -> this.fixture.notes.save(new Note(none, "no domain")));
		assertThat(this.fixture.rows()).containsEntry(id, List.of("c", "unscoped"));
		assertThat(this.fixture.rows().get(none)).containsExactly(null, "no domain");
	}

	@Test
	void nativeQueriesAreNotRewritten() {
		assertThat(this.fixture.in(A, () -> this.fixture.notes.countAllDomainsNatively())).isEqualTo(2);
	}

	@Test
	void nativeQueriesCanReferenceTheDomainThroughSpel() {
		this.fixture.run(B, () -> this.fixture.notes.save(new Note(UUID.randomUUID(), "more")));
		assertThat(this.fixture.in(A, () -> this.fixture.notes.countCurrentDomainNativelyWithSpel())).isOne();
		assertThat(this.fixture.in(B, () -> this.fixture.notes.countCurrentDomainNativelyWithSpel())).isEqualTo(2);
	}

	@Test
	void nativeQueriesCanBindTheSessionsDomain() {
		Object count = this.fixture.in(B, () -> this.fixture.sharedEntityManager
			.createNativeQuery("select count(*) from notes where domain = :domain")
			.setParameter("domain",
					DomainTenantIdentifierResolver.currentDomain(this.fixture.sharedEntityManager).orElseThrow())
			.getSingleResult());
		assertThat(count).isEqualTo(1L);
		assertThat(this.fixture.in(null,
				() -> DomainTenantIdentifierResolver.currentDomain(this.fixture.sharedEntityManager)))
			.isEmpty();
	}

}
