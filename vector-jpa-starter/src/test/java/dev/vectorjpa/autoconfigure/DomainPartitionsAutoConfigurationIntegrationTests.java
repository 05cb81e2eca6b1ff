package dev.vectorjpa.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.vectorjpa.autoconfigure.partitions.PartitionsTestApplication;
import dev.vectorjpa.autoconfigure.partitions.TenantNote;
import dev.vectorjpa.autoconfigure.partitions.TenantNoteRepository;
import dev.vectorjpa.index.DomainPartitions;
import dev.vectorjpa.tenancy.DomainResolver;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vector-jpa.domain-partitions.tables}: a domain's partition appears on first use of the domain, and its rows
 * land there; other domains see none of them.
 */
@DatabaseTest
class DomainPartitionsAutoConfigurationIntegrationTests {

	@Test
	void createsTheCurrentDomainsPartitionOnFirstUse(TestSchema schema) {
		schema.execute("create table tenant_notes (id bigint not null, domain varchar(255) not null, "
				+ "embedding vector(3) not null, primary key (domain, id)) partition by list (domain)",
				"create index on tenant_notes using hnsw (embedding vector_cosine_ops)");
		AtomicReference<String> current = new AtomicReference<>();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PartitionsTestApplication.class)
			.web(WebApplicationType.NONE)
			.initializers((applicationContext) -> applicationContext.getBeanFactory()
				.registerSingleton("domainResolver", (DomainResolver) () -> Optional.ofNullable(current.get())))
			.properties("spring.datasource.url=" + schema.jdbcUrl(), "spring.jpa.hibernate.ddl-auto=validate",
					"vector-jpa.validate-schema=false",
					"vector-jpa.domain-partitions.tables=tenant_notes")
			.run()) {
			TenantNoteRepository repository = context.getBean(TenantNoteRepository.class);
			assertThat(partitions(schema)).isEmpty();
			current.set("acme");
			repository.save(new TenantNote(1L, new float[] { 1, 0, 0 }));
			current.set("globex");
			repository.save(new TenantNote(1L, new float[] { 0, 1, 0 }));
			repository.save(new TenantNote(2L, new float[] { 0, 0, 1 }));
			String acme = DomainPartitions.partitionName("tenant_notes", "acme");
			String globex = DomainPartitions.partitionName("tenant_notes", "globex");
			assertThat(partitions(schema)).containsExactly(List.of(acme), List.of(globex));
			assertThat(schema.query("select count(*) from " + acme)).containsExactly(List.of(1L));
			assertThat(schema.query("select count(*) from " + globex)).containsExactly(List.of(2L));
			assertThat(repository.findNearest(new float[] { 1, 0, 0 }, 5)).hasSize(2)
				.allMatch((nearest) -> nearest.entity().getDomain().equals("globex"));
			current.set("acme");
			assertThat(repository.findNearest(new float[] { 0, 1, 0 }, 5)).singleElement()
				.matches((nearest) -> nearest.entity().getDomain().equals("acme"));
		}
	}

	private static List<List<Object>> partitions(TestSchema schema) {
		return schema.query("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
				+ "where i.inhparent = 'tenant_notes'::regclass order by c.relname");
	}

}
