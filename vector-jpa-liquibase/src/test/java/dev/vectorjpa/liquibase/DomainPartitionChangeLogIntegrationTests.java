package dev.vectorjpa.liquibase;

import java.util.List;

import dev.vectorjpa.index.DomainPartitions;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code createDomainPartition} creates the partitions {@link DomainPartitions} would (same names, each with the
 * partitioned table's HNSW index), which the run-time code then finds instead of creating; rollback drops them.
 */
@DatabaseTest
class DomainPartitionChangeLogIntegrationTests {

	private static final String CHANGELOG = "db/changelog/partition-changelog.xml";

	@Test
	void createsDomainPartitionsWithTheirIndexesAndRollsBack(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			liquibase.update(CHANGELOG);
			String acme = DomainPartitions.partitionName("notes", "acme");
			String obrien = DomainPartitions.partitionName("notes", "o'brien");
			assertThat(partitions(schema)).containsExactly(List.of(acme, "FOR VALUES IN ('acme')"),
					List.of(obrien, "FOR VALUES IN ('o''brien')"));
			assertThat(schema.query("select count(*) from pg_indexes where schemaname = '" + schema.name()
					+ "' and tablename = '" + acme + "' and indexdef like '%USING hnsw (embedding vector_cosine_ops)%'"))
				.containsExactly(List.of(1L));
			// the run-time code finds the migration's partition rather than creating another
			assertThat(new DomainPartitions(schema.dataSource()).ensurePartition(schema.name(), "notes", "o'brien"))
				.isEqualTo(obrien);
			schema.execute("insert into notes values (1, 'o''brien', '[1,0,0]')");
			assertThat(schema.query("select count(*) from " + obrien)).containsExactly(List.of(1L));

			liquibase.rollbackCount(CHANGELOG, 1);
			assertThat(partitions(schema)).containsExactly(List.of(acme, "FOR VALUES IN ('acme')"));
			liquibase.rollbackCount(CHANGELOG, 2);
			assertThat(schema.query("select count(*) from pg_class where relname = 'notes' and relnamespace = '"
					+ schema.name() + "'::regnamespace")).containsExactly(List.of(0L));
		}
	}

	@Test
	void updateSqlShowsTheQuotedDomainLiteral(TestSchema schema) throws Exception {
		try (LiquibaseRunner liquibase = new LiquibaseRunner(schema)) {
			assertThat(liquibase.updateSql(CHANGELOG)).contains("CREATE TABLE IF NOT EXISTS \""
					+ DomainPartitions.partitionName("notes", "o'brien") + "\" PARTITION OF \"notes\" FOR VALUES IN "
					+ "('o''brien')");
		}
	}

	private static List<List<Object>> partitions(TestSchema schema) {
		return schema.query("select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_inherits i "
				+ "join pg_class c on c.oid = i.inhrelid where i.inhparent = 'notes'::regclass order by c.relname");
	}

}
