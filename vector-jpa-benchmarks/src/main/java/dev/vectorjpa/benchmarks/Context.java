package dev.vectorjpa.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.data.TextDataset;
import dev.vectorjpa.benchmarks.db.BenchDatabase;
import dev.vectorjpa.benchmarks.db.BenchTables;
import dev.vectorjpa.benchmarks.report.Report;

/**
 * Everything a benchmark section needs: settings, database, data sets, the competitors' contexts and the report.
 */
final class Context {

	static final int K = 10;

	final Scale scale;

	final String command;

	final BenchDatabase db;

	final BenchTables tables;

	final Path cache;

	final Report report;

	final Competitors competitors;

	final OurLibrary ours;

	final Map<String, Dataset> datasets = new LinkedHashMap<>();

	/** The real-text data set, when a section that uses it runs. */
	@Nullable TextDataset text;

	/** Index build rows: data set, rows, dims, index, parameters, seconds, size. */
	final List<List<String>> builds = new ArrayList<>();

	Context(Scale scale, String command, BenchDatabase db, Path cache, Report report, Competitors competitors,
			OurLibrary ours) {
		this.scale = scale;
		this.command = command;
		this.db = db;
		this.tables = new BenchTables(db);
		this.cache = cache;
		this.report = report;
		this.competitors = competitors;
		this.ours = ours;
	}


	/** Builds an index, recording its build time for the index-build table. */
	double build(Dataset dataset, dev.vectorjpa.index.VectorIndexDefinition index, String label) throws Exception {
		double seconds = this.tables.build(index);
		String size = this.db.value("SELECT pg_size_pretty(pg_relation_size('" + BenchDatabase.SCHEMA + ".\""
				+ index.indexName() + "\"'))");
		this.builds.add(List.of(dataset.name(), Report.number(dataset.size(), 0), String.valueOf(dataset.dimensions()),
				label, Report.number(seconds, 1), size));
		return seconds;
	}

}
