package dev.vectorjpa.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vectorjpa.hibernate.VectorJpaSettings;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * With {@code vector-jpa.domain-row-level-security=true}, PostgreSQL itself scopes hand-written SQL. The test role owns
 * the tables and may not create roles, so this relies on the policy being forced on the owner.
 */
@DatabaseTest
class DomainRowLevelSecurityIntegrationTests {

	private static final String A = "acme";

	private static final String B = "o'brien; DROP TABLE notes; --";

	private static final String C = "c\"3";

	private TenancyFixture fixture;

	private TestSchema schema;

	@BeforeEach
	void setUp(TestSchema schema) {
		this.schema = schema;
		this.fixture = new TenancyFixture(schema, Map.of(VectorJpaSettings.DOMAIN_ROW_LEVEL_SECURITY, "true"));
		for (String domain : List.of(A, B, C)) {
			this.fixture.run(domain, () -> {
				this.fixture.notes.save(new Note(UUID.randomUUID(), "first " + domain));
				this.fixture.notes.save(new Note(UUID.randomUUID(), "second " + domain));
			});
		}
	}

	@AfterEach
	void tearDown() {
		this.fixture.close();
	}

	@Test
	void schemaGenerationCreatesAForcedPolicy() {
		assertThat(this.schema.query("select relrowsecurity, relforcerowsecurity from pg_class "
				+ "where oid = 'notes'::regclass")).containsExactly(List.of(true, true));
		assertThat(this.schema.query("select polname from pg_policy where polrelid = 'notes'::regclass"))
			.containsExactly(List.of("vector_jpa_domain"));
	}

	@Test
	void handWrittenSqlSeesOnlyTheCurrentDomain() {
		assertThat(this.fixture.in(B, () -> this.fixture.notes.countAllDomainsNatively())).isEqualTo(2);
		assertThat(this.fixture.in(B, () -> this.fixture.notes.countCurrentDomainNatively())).isEqualTo(2);
		List<Object> titles = this.fixture.in(C, () -> new ArrayList<Object>(this.fixture.sharedEntityManager
			.createNativeQuery("select title from notes order by title")
			.getResultList()));
		assertThat(titles).containsExactly("first " + C, "second " + C);
		int deleted = this.fixture.in(A, () -> this.fixture.sharedEntityManager
			.createNativeQuery("delete from notes")
			.executeUpdate());
		assertThat(deleted).isEqualTo(2);
		assertThat(countAs(B)).isEqualTo(2);
		assertThat(countAs(C)).isEqualTo(2);
		assertThat(countAs(A)).isZero();
	}

	@Test
	void handWrittenSqlCannotWriteIntoAnotherDomain() {
		assertThatException().isThrownBy(() -> this.fixture.run(A, () -> this.fixture.sharedEntityManager
			.createNativeQuery("insert into notes (id, domain, title) values (?, ?, 'x')")
			.setParameter(1, UUID.randomUUID())
			.setParameter(2, B)
			.executeUpdate()))
			.withStackTraceContaining("new row violates row-level security policy for table \"notes\"");
		int moved = this.fixture.in(A, () -> this.fixture.sharedEntityManager
			.createNativeQuery("update notes set title = 'moved' where title like 'first%'")
			.executeUpdate());
		assertThat(moved).isOne();
		assertThat(countAs(B)).isEqualTo(2);
	}

	@Test
	void aTransactionWithoutDomainSeesNothing() {
		assertThat(this.fixture.in(null, () -> this.fixture.notes.countAllDomainsNatively())).isZero();
		assertThat(this.fixture.in(null, () -> this.fixture.notes.count())).isZero();
	}

	@Test
	void pooledConnectionsKeepNoDomainBetweenTransactions() throws SQLException {
		List<String> sequence = List.of(A, B, C, A, A, C, B, B, A, C);
		Set<Object> backends = new HashSet<>();
		for (String domain : sequence) {
			List<Object> seen = this.fixture.in(domain, () -> {
				EntityManager em = this.fixture.sharedEntityManager;
				backends.add(em.createNativeQuery("select pg_backend_pid()").getSingleResult());
				return new ArrayList<Object>(em
					.createNativeQuery("select current_setting('vector_jpa.domain', true) || '|' || title "
							+ "from notes order by title")
					.getResultList());
			});
			assertThat(seen).containsExactly(domain + "|first " + domain, domain + "|second " + domain);
			assertThat(this.fixture.in(null, () -> this.fixture.notes.countAllDomainsNatively())).isZero();
		}
		assertThat(backends).hasSizeLessThanOrEqualTo(2);
		List<String> settings = new ArrayList<>();
		try (Connection first = this.fixture.dataSource.getConnection();
				Connection second = this.fixture.dataSource.getConnection()) {
			for (Connection connection : List.of(first, second)) {
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement
							.executeQuery("select coalesce(current_setting('vector_jpa.domain', true), '')")) {
					rs.next();
					settings.add(rs.getString(1));
				}
			}
		}
		assertThat(settings).containsExactly("", "");
	}

	private long countAs(String domain) {
		try (Connection connection = this.schema.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("select set_config('vector_jpa.domain', '" + domain.replace("'", "''") + "', true)");
				try (ResultSet rs = statement.executeQuery("select count(*) from notes")) {
					rs.next();
					return rs.getLong(1);
				}
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
