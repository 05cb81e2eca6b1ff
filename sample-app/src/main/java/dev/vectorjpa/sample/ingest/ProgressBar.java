package dev.vectorjpa.sample.ingest;

import java.io.PrintStream;

/**
 * A console progress bar: {@code [#########           ] 120/288 passages}.
 */
final class ProgressBar {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final long total;

	private final String unit;

	ProgressBar(PrintStream out, long total, String unit) {
		this.out = out;
		this.total = total;
		this.unit = unit;
	}

	void update(long done) {
		int filled = (this.total == 0) ? WIDTH : (int) (WIDTH * done / this.total);
		this.out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + this.total + " "
				+ this.unit);
		if (done >= this.total) {
			this.out.println();
		}
		this.out.flush();
	}

}
