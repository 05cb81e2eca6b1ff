package dev.vectorjpa.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binary COPY of every supported type into a real table, read back as PostgreSQL renders it.
 */
@DatabaseTest
class PgCopyWriterIntegrationTests {

	private static final List<String> COLUMNS = List.of("t", "v", "s", "i", "l", "f", "d", "n", "b", "u", "dt", "tm",
			"ts", "tz", "j", "by", "vec", "hv", "sv", "bt");

	@Test
	void copiesEveryTypeAndNullsReadBackExactly(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE every_type (t text, v varchar(10), s int2, i int4, l int8, f float4, d float8, "
				+ "n numeric, b boolean, u uuid, dt date, tm time, ts timestamp, tz timestamptz, j jsonb, by bytea, "
				+ "vec vector(3), hv halfvec(3), sv sparsevec(5), bt bit(9))");
		UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
		try (Connection connection = schema.connect()) {
			connection.setAutoCommit(false);
			PgCopyWriter copy = PgCopyWriter.open(connection, SqlIdentifiers.quote("every_type", "table"), quoted());
			copy.startRow()
				.writeText("héllo")
				.writeText("short")
				.writeShort((short) -7)
				.writeInt(123456)
				.writeLong(-9_000_000_000L)
				.writeFloat(1.25f)
				.writeDouble(-2.5e-10)
				.writeNumeric(new BigDecimal("-12345.67890"))
				.writeBoolean(true)
				.writeUuid(uuid)
				.writeDate(LocalDate.of(1969, 7, 20))
				.writeTime(LocalTime.of(23, 59, 58, 123_456_000))
				.writeTimestamp(LocalDateTime.of(2024, 2, 29, 12, 30, 45, 500_000))
				.writeTimestamptz(Instant.parse("2031-12-31T23:00:00.000007Z"))
				.writeJsonb(JsonValues.write(Map.of("k", List.of(1, "x"))))
				.writeBytea(new byte[] { 0, 1, (byte) 0xfe })
				.writeVector(new float[] { 1.5f, -2f, 3.25f })
				.writeHalfvec(new float[] { 0.5f, -1f, 0.1f })
				.writeSparsevec(SparseVector.of(5, new int[] { 0, 3 }, new float[] { 1.5f, -2f }))
				.writeBit(BitVector.of("101000001"))
				.endRow();
			copy.startRow();
			for (int i = 0; i < COLUMNS.size(); i++) {
				copy.writeNull();
			}
			copy.endRow();
			assertThat(copy.finish()).isEqualTo(2);
			connection.commit();
		}
		List<List<Object>> rows = schema.query("SELECT " + String.join(", ", COLUMNS.stream().map((c) -> c + "::text")
			.toList()) + " FROM every_type ORDER BY t NULLS LAST");
		assertThat(rows.get(0)).containsExactly("héllo", "short", "-7", "123456", "-9000000000", "1.25", "-2.5e-10",
				"-12345.67890", "true", uuid.toString(), "1969-07-20", "23:59:58.123456", "2024-02-29 12:30:45.0005",
				schema.query("SELECT '2031-12-31T23:00:00.000007Z'::timestamptz::text").get(0).get(0),
				"{\"k\": [1, \"x\"]}", "\\x0001fe", "[1.5,-2,3.25]", "[0.5,-1,0.099975586]", "{1:1.5,4:-2}/5",
				"101000001");
		assertThat(rows.get(1)).containsOnlyNulls();
	}

	@Test
	void numericRoundTripsAcrossScalesAndSigns(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE numbers (n numeric)");
		List<String> values = List.of("0", "0.00", "1", "-1", "10000", "99999999999999999999.000000000001",
				"0.0001", "-0.00012", "1E+5", "123456789.123456789", "1000000");
		try (Connection connection = schema.connect()) {
			PgCopyWriter copy = PgCopyWriter.open(connection, "\"numbers\"", List.of("\"n\""));
			for (String value : values) {
				copy.startRow().writeNumeric(new BigDecimal(value)).endRow();
			}
			copy.finish();
		}
		List<BigDecimal> read = new ArrayList<>();
		schema.query("SELECT n FROM numbers").forEach((row) -> read.add((BigDecimal) row.get(0)));
		assertThat(read).zipSatisfy(values.stream().map(BigDecimal::new).toList(),
				(actual, expected) -> assertThat(actual).isEqualByComparingTo(expected));
		assertThat(schema.query("SELECT n::text FROM numbers WHERE n = 0.00 ORDER BY n::text").stream()
			.map((row) -> row.get(0))
			.toList()).containsExactly("0", "0.00");
	}

	@Test
	void rowsRollBackWithTheTransactionOfTheConnection(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE rolled (i int4, vec vector(2))");
		try (Connection connection = schema.connect()) {
			connection.setAutoCommit(false);
			List<Long> progress = new ArrayList<>();
			// tag::copy[]
			PgCopyWriter copy = PgCopyWriter.open(connection, "\"rolled\"", List.of("\"i\"", "\"vec\""))
				.onProgress(20_000, progress::add);
			for (int i = 0; i < 50_000; i++) {
				copy.startRow().writeInt(i).writeVector(new float[] { i, -i }).endRow();
			}
			long rows = copy.finish();
			// end::copy[]
			assertThat(rows).isEqualTo(50_000);
			assertThat(progress).containsExactly(20_000L, 40_000L);
			try (var statement = connection.createStatement(); var rs = statement.executeQuery(
					"SELECT count(*), sum(i), max(vec[1]) FROM (SELECT i, vec::real[] AS vec FROM rolled) r")) {
				rs.next();
				assertThat(rs.getLong(1)).isEqualTo(50_000);
				assertThat(rs.getLong(2)).isEqualTo(49_999L * 50_000 / 2);
				assertThat(rs.getFloat(3)).isEqualTo(49_999f);
			}
			connection.rollback();
		}
		assertThat(schema.query("SELECT count(*) FROM rolled").get(0).get(0)).isEqualTo(0L);
	}

	@Test
	void cancelledCopyWritesNothing(TestSchema schema) throws Exception {
		schema.execute("CREATE TABLE cancelled (i int4)");
		try (Connection connection = schema.connect()) {
			PgCopyWriter copy = PgCopyWriter.open(connection, "\"cancelled\"", List.of("\"i\""));
			copy.startRow().writeInt(1).endRow();
			copy.cancel();
			try (var statement = connection.createStatement()) {
				statement.execute("SELECT 1");
			}
		}
		assertThat(schema.query("SELECT count(*) FROM cancelled").get(0).get(0)).isEqualTo(0L);
	}

	private static List<String> quoted() {
		return Arrays.asList(COLUMNS.stream().map((c) -> SqlIdentifiers.quote(c, "column")).toArray(String[]::new));
	}

}
