package dev.vectorjpa.jdbc;

import java.util.ArrayList;
import java.util.List;

import dev.vectorjpa.repository.MetadataFilter;
import org.junit.jupiter.api.Test;

import static dev.vectorjpa.repository.MetadataFilter.and;
import static dev.vectorjpa.repository.MetadataFilter.eq;
import static dev.vectorjpa.repository.MetadataFilter.exists;
import static dev.vectorjpa.repository.MetadataFilter.gt;
import static dev.vectorjpa.repository.MetadataFilter.gte;
import static dev.vectorjpa.repository.MetadataFilter.in;
import static dev.vectorjpa.repository.MetadataFilter.lt;
import static dev.vectorjpa.repository.MetadataFilter.lte;
import static dev.vectorjpa.repository.MetadataFilter.ne;
import static dev.vectorjpa.repository.MetadataFilter.nin;
import static dev.vectorjpa.repository.MetadataFilter.not;
import static dev.vectorjpa.repository.MetadataFilter.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * SQL text and bound values of rendered metadata filters (no database).
 */
class MetadataFilterSqlUnitTests {

	private static final String COLUMN = "t.meta";

	private static final String EXTRACT = "(t.meta #> cast(? as text[]))";

	@Test
	void eqUsesContainmentWithANestedDocument() {
		assertRenders(eq("author.name", "Ann"), "(t.meta @> cast(? as jsonb))", "{\"author\":{\"name\":\"Ann\"}}");
		assertRenders(eq("n", 3), "(t.meta @> cast(? as jsonb))", "{\"n\":3}");
	}

	@Test
	void neAlsoMatchesMissingKeys() {
		assertRenders(ne("color", "red"), "(NOT coalesce(t.meta @> cast(? as jsonb), false))", "{\"color\":\"red\"}");
	}

	@Test
	void rangeComparisonsCheckTheJsonType() {
		assertRenders(gt("size", 5), "(jsonb_typeof" + EXTRACT + " = ? AND " + EXTRACT + " > cast(? as jsonb))",
				"{\"size\"}", "number", "{\"size\"}", "5");
		assertRenders(gte("a.b", "m"), "(jsonb_typeof" + EXTRACT + " = ? AND " + EXTRACT + " >= cast(? as jsonb))",
				"{\"a\",\"b\"}", "string", "{\"a\",\"b\"}", "\"m\"");
		assertRenders(lt("flag", true), "(jsonb_typeof" + EXTRACT + " = ? AND " + EXTRACT + " < cast(? as jsonb))",
				"{\"flag\"}", "boolean", "{\"flag\"}", "true");
		assertRenders(lte("x", 1.5), "(jsonb_typeof" + EXTRACT + " = ? AND " + EXTRACT + " <= cast(? as jsonb))",
				"{\"x\"}", "number", "{\"x\"}", "1.5");
	}

	@Test
	void inAndNinCompareWithEachElement() {
		String exists = "EXISTS (SELECT 1 FROM jsonb_array_elements(cast(? as jsonb)) AS v(e) WHERE v.e = " + EXTRACT
				+ ")";
		assertRenders(in("color", List.of("red", "blue")), "(" + exists + ")", "[\"red\",\"blue\"]", "{\"color\"}");
		assertRenders(nin("size", List.of(1, 2)), "(NOT " + exists + ")", "[1,2]", "{\"size\"}");
	}

	@Test
	void existsTestsThePath() {
		assertRenders(exists("a b.c-d"), "(" + EXTRACT + " IS NOT NULL)", "{\"a b\",\"c-d\"}");
	}

	@Test
	void junctionsAreParenthesisedAndParametersFollowTextOrder() {
		assertRenders(and(eq("a", 1), or(eq("b", 2), not(exists("c")))),
				"((t.meta @> cast(? as jsonb)) AND ((t.meta @> cast(? as jsonb)) OR (NOT coalesce((" + EXTRACT
						+ " IS NOT NULL), false))))",
				"{\"a\":1}", "{\"b\":2}", "{\"c\"}");
	}

	@Test
	void negationTreatsUnknownAsNoMatch() {
		// gt on a missing key is NULL: coalesce makes not(gt) match such rows
		assertRenders(not(gt("size", 4)), "(NOT coalesce((jsonb_typeof" + EXTRACT + " = ? AND " + EXTRACT
				+ " > cast(? as jsonb)), false))", "{\"size\"}", "number", "{\"size\"}", "4");
	}

	@Test
	void valuesAreNeverInlined() {
		List<Object> parameters = new ArrayList<>();
		String sql = MetadataFilterSql.render(eq("k", "'); DROP TABLE x; --"), COLUMN, parameters);
		assertThat(sql).doesNotContain("DROP");
		assertThat(parameters).containsExactly("{\"k\":\"'); DROP TABLE x; --\"}");
	}

	@Test
	void invalidKeysAndValuesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> eq("a\"b", 1))
			.withMessage("Invalid metadata filter key 'a\"b': segments separated by '.' may hold letters, digits, "
					+ "'_', '-', '$' and spaces");
		assertThatIllegalArgumentException().isThrownBy(() -> eq("a..b", 1))
			.withMessageStartingWith("Invalid metadata filter key 'a..b'");
		assertThatIllegalArgumentException().isThrownBy(() -> eq("", 1))
			.withMessage("Metadata filter key must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> eq("a", null))
			.withMessage("Metadata filter value for key 'a' must not be null; use exists/not(exists) to test presence");
		assertThatIllegalArgumentException().isThrownBy(() -> gt("a", List.of(1)))
			.withMessage("Metadata filter range comparison for key 'a' needs a number, string or boolean, got "
					+ "java.util.ImmutableCollections$List12");
		assertThatIllegalArgumentException().isThrownBy(() -> in("a", List.of()))
			.withMessage("Metadata filter in/nin for key 'a' needs at least one value");
		assertThatIllegalArgumentException().isThrownBy(MetadataFilter::and)
			.withMessage("MetadataFilter.and needs at least one filter");
	}

	private static void assertRenders(MetadataFilter filter, String sql, Object... parameters) {
		List<Object> actual = new ArrayList<>();
		assertThat(MetadataFilterSql.render(filter, COLUMN, actual)).isEqualTo(sql);
		assertThat(actual).containsExactly(parameters);
	}

}
