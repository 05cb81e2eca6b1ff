package dev.vectorjpa.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Markdown report being written ({@code docs/benchmarks.md}), appended to section by section.
 */
public final class Report {

	private final StringBuilder text = new StringBuilder();

	private final Path file;

	/** A report that {@link #save()} writes to {@code file}. */
	public Report(Path file) {
		this.file = file;
	}

	/** The folder plots go into ({@code docs/benchmarks/}). */
	public Path plotDirectory() {
		return this.file.resolveSibling("benchmarks");
	}

	/** Appends a heading. */
	public Report heading(int level, String title) {
		this.text.append('\n').append("#".repeat(level)).append(' ').append(title).append("\n\n");
		return this;
	}

	/** Appends a paragraph. */
	public Report paragraph(String paragraph) {
		this.text.append(paragraph).append("\n\n");
		return this;
	}

	/** Appends a fenced block. */
	public Report code(String language, String code) {
		this.text.append("```").append(language).append('\n').append(code.strip()).append("\n```\n\n");
		return this;
	}

	/** Appends a table. */
	public Report table(List<String> headers, List<List<String>> rows) {
		this.text.append("| ").append(String.join(" | ", headers)).append(" |\n|");
		for (int i = 0; i < headers.size(); i++) {
			int column = i;
			// Numbers are right-aligned, text left-aligned.
			boolean numeric = !rows.isEmpty() && rows.stream().allMatch((row) -> column >= row.size()
					|| row.get(column).isEmpty() || row.get(column).matches("[-0-9.,×%]+|n/a"));
			this.text.append(numeric ? " ---: |" : " --- |");
		}
		this.text.append('\n');
		for (List<String> row : rows) {
			this.text.append("| ").append(String.join(" | ", row.stream().map((c) -> c.replace("|", "\\|")).toList()))
				.append(" |\n");
		}
		this.text.append('\n');
		return this;
	}

	/** Appends an image link to a plot in {@link #plotDirectory()}. */
	public Report image(String alt, String fileName) {
		this.text.append("![").append(alt).append("](benchmarks/").append(fileName).append(")\n\n");
		return this;
	}

	/** Writes the report. */
	public void save() throws IOException {
		Files.createDirectories(this.file.getParent());
		Files.writeString(this.file, this.text.toString().strip() + "\n", StandardCharsets.UTF_8);
	}

	/** {@code value} with {@code decimals} decimals and thousands separators. */
	public static String number(double value, int decimals) {
		return String.format("%,." + decimals + "f", value);
	}

	/** {@code a / b} as {@code 0.93×}, or "n/a". */
	public static String ratio(double a, double b) {
		return (b > 0 && a > 0) ? String.format("%.2f×", a / b) : "n/a";
	}

}
