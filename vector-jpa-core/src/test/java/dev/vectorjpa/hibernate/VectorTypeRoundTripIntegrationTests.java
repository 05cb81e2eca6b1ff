package dev.vectorjpa.hibernate;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import dev.vectorjpa.Metric;
import dev.vectorjpa.mapping.IndexType;
import dev.vectorjpa.mapping.BitVector;
import dev.vectorjpa.mapping.SparseVector;
import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every vector type written through Hibernate and read back, at the largest dimensions, plus nulls.
 */
@DatabaseTest
class VectorTypeRoundTripIntegrationTests {

	private static SessionFactory sessionFactory;

	@BeforeAll
	static void start() {
		sessionFactory = HibernateTestSupport.sessionFactory(TestSchema.current(), VectorRow.class);
	}

	@AfterAll
	static void stop() {
		sessionFactory.close();
	}

	@Test
	void schemaGenerationCreatesPgvectorColumnTypes(TestSchema schema) {
		List<List<Object>> rows = schema.query("SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
				+ "WHERE a.attrelid = 'vector_rows'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attname");
		assertThat(rows).containsExactly(List.of("bits", "bit(64000)"), List.of("embedding", "vector(2000)"),
				List.of("half", "halfvec(4000)"), List.of("id", "bigint"), List.of("sparse", "sparsevec(1000000)"));
	}

	@Test
	void vectorOf2000DimensionsReadsBackBitExact() {
		float[] embedding = randomFloats(new Random(1), 2000);
		embedding[0] = -0.0f;
		embedding[1] = Float.MIN_VALUE;
		embedding[2] = 1.0e-40f;
		embedding[3] = Float.MAX_VALUE;
		embedding[4] = -3.0e-5f;
		embedding[5] = 123456.79f;
		VectorRow row = new VectorRow(1L);
		row.embedding = embedding;
		VectorRow read = saveAndReload(row);
		assertThat(floatBits(read.embedding)).isEqualTo(floatBits(embedding));
	}

	@Test
	void halfvecOf4000DimensionsReadsBackRoundedToHalfPrecision() {
		float[] half = randomFloats(new Random(2), 4000);
		half[0] = 65504.0f;
		half[1] = 6.0e-8f;
		half[2] = -0.0f;
		half[3] = 1.0009765625f + 0x1p-11f;
		VectorRow row = new VectorRow(2L);
		row.half = half;
		VectorRow read = saveAndReload(row);
		float[] expected = new float[half.length];
		for (int i = 0; i < half.length; i++) {
			expected[i] = HibernateTestSupport.toHalfPrecision(half[i]);
		}
		assertThat(floatBits(read.half)).isEqualTo(floatBits(expected));
	}

	@Test
	void bitVectorOf64000BitsReadsBackEqual() {
		Random random = new Random(3);
		boolean[] bits = new boolean[64_000];
		for (int i = 0; i < bits.length; i++) {
			bits[i] = random.nextBoolean();
		}
		VectorRow row = new VectorRow(3L);
		row.bits = BitVector.of(bits);
		VectorRow read = saveAndReload(row);
		assertThat(read.bits).isEqualTo(row.bits);
		assertThat(read.bits.toBooleanArray()).isEqualTo(bits);
	}

	@Test
	void sparseVectorOfAMillionDimensionsReadsBackEqual() {
		Random random = new Random(4);
		TreeMap<Integer, Float> nonZero = new TreeMap<>();
		while (nonZero.size() < 1500) {
			nonZero.put(random.nextInt(1_000_000), (float) random.nextGaussian());
		}
		nonZero.put(0, 1.0e-40f);
		nonZero.put(999_999, -2.5f);
		VectorRow row = new VectorRow(4L);
		row.sparse = SparseVector.of(1_000_000, nonZero);
		VectorRow read = saveAndReload(row);
		assertThat(read.sparse).isEqualTo(row.sparse);
		assertThat(read.sparse.indices()).isEqualTo(row.sparse.indices());
		assertThat(floatBits(read.sparse.values())).isEqualTo(floatBits(row.sparse.values()));
	}

	@Test
	void nullsReadBackAsNull() {
		VectorRow read = saveAndReload(new VectorRow(5L));
		assertThat(read.embedding).isNull();
		assertThat(read.half).isNull();
		assertThat(read.sparse).isNull();
		assertThat(read.bits).isNull();
	}

	@Test
	void updatedVectorIsWrittenOnFlush() {
		VectorRow row = new VectorRow(6L);
		row.embedding = randomFloats(new Random(6), 2000);
		saveAndReload(row);
		float[] replacement = randomFloats(new Random(7), 2000);
		sessionFactory.inTransaction((session) -> session.find(VectorRow.class, 6L).embedding = replacement);
		VectorRow read = sessionFactory.fromTransaction((session) -> session.find(VectorRow.class, 6L));
		assertThat(floatBits(read.embedding)).isEqualTo(floatBits(replacement));
	}

	@Test
	void attributesUseVectorJpaJdbcTypes() {
		EntityPersister persister = sessionFactory.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(VectorRow.class);
		assertThat(jdbcType(persister, "embedding")).isSameAs(PgVectorJdbcType.VECTOR);
		assertThat(jdbcType(persister, "half")).isSameAs(PgVectorJdbcType.HALFVEC);
		assertThat(jdbcType(persister, "sparse")).isSameAs(PgSparseVectorJdbcType.INSTANCE);
		assertThat(jdbcType(persister, "bits")).isSameAs(PgBitJdbcType.INSTANCE);
	}

	@Test
	void nativeQueryReadsEntitiesAndTextColumns() {
		VectorRow row = new VectorRow(8L);
		row.embedding = randomFloats(new Random(8), 2000);
		saveAndReload(row);
		VectorRow read = sessionFactory.fromTransaction((session) -> session
			.createNativeQuery("SELECT * FROM vector_rows WHERE id = :id", VectorRow.class)
			.setParameter("id", 8L)
			.getSingleResult());
		assertThat(floatBits(read.embedding)).isEqualTo(floatBits(row.embedding));
		String text = sessionFactory.fromTransaction((session) -> session
			.createNativeQuery("SELECT embedding::text FROM vector_rows WHERE id = :id", String.class)
			.setParameter("id", 8L)
			.getSingleResult());
		assertThat(floatBits(VectorTextParser.parseVector(text))).isEqualTo(floatBits(row.embedding));
	}

	@Test
	void mappedAttributesAreAvailableFromTheEntityManagerFactory() {
		VectorEntityMetadata entity = VectorEntityMetadata.of(sessionFactory, VectorRow.class);
		assertThat(entity.tableName()).isEqualTo("vector_rows");
		assertThat(entity.vectorAttributes())
			.extracting(VectorAttribute::name, VectorAttribute::sqlType, VectorAttribute::metric,
					VectorAttribute::columnName, VectorAttribute::indexType)
			.containsExactlyInAnyOrder(tuple("embedding", "vector(2000)", Metric.COSINE, "embedding", IndexType.NONE),
					tuple("half", "halfvec(4000)", Metric.COSINE, "half", IndexType.NONE),
					tuple("sparse", "sparsevec(1000000)", Metric.COSINE, "sparse", IndexType.NONE),
					tuple("bits", "bit(64000)", Metric.HAMMING, "bits", IndexType.NONE));
	}

	private static JdbcType jdbcType(EntityPersister persister, String attribute) {
		return persister.findAttributeMapping(attribute).getSingleJdbcMapping().getJdbcType();
	}

	private static VectorRow saveAndReload(VectorRow row) {
		sessionFactory.inTransaction((session) -> session.persist(row));
		return sessionFactory.fromTransaction((session) -> session.find(VectorRow.class, row.id));
	}

	static float[] randomFloats(Random random, int n) {
		float[] values = new float[n];
		for (int i = 0; i < n; i++) {
			values[i] = (float) random.nextGaussian();
		}
		return values;
	}

	static int[] floatBits(float[] values) {
		int[] bits = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			bits[i] = Float.floatToRawIntBits(values[i]);
		}
		return bits;
	}

}
