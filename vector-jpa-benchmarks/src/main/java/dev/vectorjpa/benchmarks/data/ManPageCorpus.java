package dev.vectorjpa.benchmarks.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A text corpus available offline on any Debian/Ubuntu machine: the paragraphs of the English manual pages installed
 * under {@code /usr/share/man/man1..man8} (roff and mdoc source, gzipped), as plain text. Each paragraph of at least
 * {@value #MIN_WORDS} words is a passage, exact duplicates dropped, cut to {@value #MAX_CHARS} characters at a word
 * boundary (a sentence or two: the cost of embedding grows with the length). Which pages exist depends on the installed packages, so
 * the section names the passage count and a hash of the passages.
 * <p>
 * Written here rather than through a roff library: none is on Maven Central for Java, and prose is all we need
 * (preformatted blocks, tables and macros' layout are dropped).
 */
public final class ManPageCorpus {

	/** The English manual pages. */
	public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/man");

	static final int MIN_WORDS = 8;

	static final int MAX_CHARS = 320;

	private static final Pattern PAGE_NAME = Pattern.compile(".+\\.[1-8][a-z0-9]*(\\.gz)?");

	private static final Pattern FONT = Pattern.compile("\\\\f(\\[[^]]*]|\\(..|.)");

	private static final Pattern SIZE = Pattern.compile("\\\\s[-+]?\\d+");

	private static final Pattern SPECIAL = Pattern.compile("\\\\(\\(..|\\[[^]]*]|\\*(\\(..|\\[[^]]*]|.))");

	private static final Pattern OTHER_ESCAPE = Pattern.compile("\\\\[&|^%c:]");

	/** Macros whose arguments are text (man: fonts; mdoc: semantic markup); every other request is layout. */
	private static final Set<String> TEXT_MACROS = Set.of("B", "I", "BR", "BI", "IB", "IR", "RI", "RB", "SM", "SB", "Nm",
			"Nd", "Fl", "Ar", "Xr", "Op", "Pa", "Cm", "Ev", "Va", "Dv", "Fn", "Em", "Sy", "Li", "Ql", "Dq", "Sq", "Qq", "Pq",
			"Ic", "Ad", "Ms", "Tn", "No");

	private static final Pattern BREAKS = Pattern.compile("^\\.(PP|P|LP|TP|IP|HP|SH|SS|sp|Pp|Sh|Ss|It|Bl|El|Bd|Ed|TH|Dd|in|RS|RE|TQ|br|ne)\\b.*");

	/** A passage and the page ({@code name.section}) it comes from. */
	public record Passage(String page, String text) {
	}

	private ManPageCorpus() {
	}

	/** Every passage of the pages in {@code directory}'s {@code man1}..{@code man8}, pages in path order. */
	public static List<Passage> read(Path directory) throws IOException {
		List<Path> pages = new ArrayList<>();
		for (int section = 1; section <= 8; section++) {
			Path dir = directory.resolve("man" + section);
			if (Files.isDirectory(dir)) {
				try (Stream<Path> files = Files.list(dir)) {
					files.filter((p) -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
						.filter((p) -> PAGE_NAME.matcher(p.getFileName().toString()).matches())
						.forEach(pages::add);
				}
			}
		}
		pages.sort(null);
		if (pages.isEmpty()) {
			throw new IOException("No manual pages under " + directory + "/man1..8: install some (e.g. 'apt-get install "
					+ "-y manpages manpages-dev man-db' and packages of your choice) or use another corpus");
		}
		List<Passage> passages = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Path page : pages) {
			String name = page.getFileName().toString().replaceFirst("\\.gz$", "");
			List<String> paragraphs;
			try {
				paragraphs = paragraphs(page);
			}
			catch (java.nio.file.NoSuchFileException ex) {
				// removed since listed (a package being upgraded meanwhile)
				continue;
			}
			for (String text : paragraphs) {
				if (seen.add(text)) {
					passages.add(new Passage(name, text));
				}
			}
		}
		return passages;
	}

	/** The prose paragraphs of one page. */
	static List<String> paragraphs(Path page) throws IOException {
		List<String> out = new ArrayList<>();
		try (InputStream raw = Files.newInputStream(page);
				InputStream in = page.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 14) : raw;
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			StringBuilder paragraph = new StringBuilder();
			boolean preformatted = false;
			String skipUntil = null;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (skipUntil != null) {
					if (line.contains(skipUntil)) {
						skipUntil = null;
					}
					continue;
				}
				if (line.startsWith(".de ")) {
					skipUntil = "..";
					continue;
				}
				if ((line.startsWith(".if") || line.startsWith(".ie") || line.startsWith(".el")) && line.contains("\\{")
						&& !line.contains("\\}")) {
					skipUntil = "\\}";
					continue;
				}
				if (line.startsWith(".so ")) {
					return out;
				}
				if (line.startsWith(".nf") || line.startsWith(".EX") || line.startsWith(".Bd -literal")) {
					preformatted = true;
					flush(paragraph, out);
					continue;
				}
				if (line.startsWith(".fi") || line.startsWith(".EE") || line.startsWith(".Ed")) {
					preformatted = false;
					continue;
				}
				if (preformatted || line.startsWith(".\\\"") || line.startsWith("'\\\"") || line.startsWith("\\\"")) {
					continue;
				}
				if (line.isBlank() || BREAKS.matcher(line).matches()) {
					flush(paragraph, out);
					continue;
				}
				String text = line;
				if (line.startsWith(".") || line.startsWith("'")) {
					// a macro line: keep its arguments (".B word", ".BR a b", mdoc ".Nm ls", ".Fl l"), drop the macro
					int space = line.indexOf(' ');
					if (space < 0 || !TEXT_MACROS.contains(line.substring(1, space))) {
						continue;
					}
					text = line.substring(space + 1).replace("\"", "");
				}
				paragraph.append(' ').append(unescape(text));
			}
			flush(paragraph, out);
		}
		return out;
	}

	private static String unescape(String text) {
		String t = FONT.matcher(text).replaceAll("");
		t = SIZE.matcher(t).replaceAll("");
		t = t.replace("\\-", "-").replace("\\e", "\\").replace("\\ ", " ").replace("\\~", " ");
		t = SPECIAL.matcher(t).replaceAll(" ");
		return OTHER_ESCAPE.matcher(t).replaceAll("");
	}

	private static void flush(StringBuilder paragraph, List<String> out) {
		String text = paragraph.toString().replaceAll("\\s+", " ").strip();
		paragraph.setLength(0);
		if (text.split(" ").length < MIN_WORDS || text.indexOf('\\') >= 0) {
			return;
		}
		if (text.length() > MAX_CHARS) {
			int cut = text.lastIndexOf(' ', MAX_CHARS);
			text = text.substring(0, (cut > 0) ? cut : MAX_CHARS);
		}
		out.add(text);
	}

}
