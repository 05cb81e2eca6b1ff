package dev.vectorjpa.benchmarks.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import dev.vectorjpa.Metric;

/**
 * Real sentence embeddings: passages of the installed manual pages ({@link ManPageCorpus}) embedded in-process with
 * LangChain4j's ONNX all-MiniLM-L6-v2 (quantized, 384 dims, cosine), each row with a {@code section} of skewed
 * frequency ({@link #SECTIONS}) drawn independently of its text. Held-out passages are the queries. Embeddings are
 * cached with the passages they were computed from, so only the first run pays for the model (and reruns measure
 * the same rows while packages come and go).
 * <p>
 * {@link #vectors()} is a plain {@link Dataset} named {@value #NAME} whose categories are the sections: ground truth,
 * recall and the table loader work on it like on the other data sets.
 *
 * @param vectors the embeddings, queries and sections
 * @param pages per row, the manual page it comes from ({@code name.section})
 * @param passages per row, the passage text
 * @param corpusHash the first 12 hex digits of the SHA-256 of every selected passage (rows then queries)
 */
public record TextDataset(Dataset vectors, String[] pages, String[] passages, String corpusHash) {

	/** The data set's name (the table is {@code bench_text}). */
	public static final String NAME = "text";

	/** Section values, rarest first, and the share of rows each gets (the rest: {@code "rest"}, about 38.9 %). */
	public static final String[] SECTIONS = { "s0.1", "s1", "s10", "s50" };

	/** The shares of {@link #SECTIONS}. */
	public static final double[] SECTION_SHARES = { 0.001, 0.01, 0.10, 0.50 };

	private static final int BATCH = 128;

	/** The number of rows. */
	public int size() {
		return this.vectors.size();
	}

	/**
	 * Selects {@code rows + queries} passages of the manual pages in {@code manDirectory} (a seeded shuffle, so pages
	 * of every section are represented), embeds them (or reads the embeddings cached in {@code cacheDirectory}) and
	 * draws the sections.
	 */
	public static TextDataset load(Path manDirectory, int rows, int queries, Path cacheDirectory) throws Exception {
		// The passages are cached with their embeddings: the installed pages change as packages come and go, and a
		// rerun should measure the same rows. Delete the file to draw again from the pages installed now.
		Path cache = cacheDirectory.resolve("text-minilm-l6-v2-q-" + rows + "-q" + queries + ".bin");
		List<ManPageCorpus.Passage> chosen = Files.isReadable(cache) ? null : choose(manDirectory, rows + queries);
		float[][] vectors;
		if (chosen == null) {
			chosen = new ArrayList<>();
			vectors = read(cache, chosen);
			System.out.printf("  %,d passages and their embeddings read from %s%n", chosen.size(), cache);
		}
		else {
			vectors = embed(chosen);
			Files.createDirectories(cacheDirectory);
			write(chosen, vectors, cache);
			System.out.printf("  passages and embeddings cached in %s%n", cache);
		}
		rows = chosen.size() - queries;
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (ManPageCorpus.Passage p : chosen) {
			sha.update(p.text().getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
		}
		String[] pages = new String[rows];
		String[] passages = new String[rows];
		for (int i = 0; i < rows; i++) {
			pages[i] = chosen.get(i).page();
			passages[i] = chosen.get(i).text();
		}
		float[][] base = java.util.Arrays.copyOf(vectors, rows);
		float[][] q = java.util.Arrays.copyOfRange(vectors, rows, rows + queries);
		return new TextDataset(new Dataset(NAME, Metric.COSINE, base, q, sections(rows)), pages, passages,
				HexFormat.of().formatHex(sha.digest()).substring(0, 12));
	}

	private static List<ManPageCorpus.Passage> choose(Path manDirectory, int count) throws IOException {
		long start = System.nanoTime();
		List<ManPageCorpus.Passage> all = new ArrayList<>(ManPageCorpus.read(manDirectory));
		System.out.printf("  corpus: %,d passages from the manual pages in %s (%.1f s)%n", all.size(), manDirectory,
				(System.nanoTime() - start) / 1e9);
		if (all.size() < count) {
			System.out.printf("  the corpus has fewer passages than the %,d asked for: using them all%n", count);
		}
		java.util.Collections.shuffle(all, new java.util.Random(15));
		return new ArrayList<>(all.subList(0, Math.min(count, all.size())));
	}

	/** Seeded draw of the sections: independent of the text, so a filter does not follow the query's neighbourhood. */
	static String[] sections(int rows) {
		SplittableRandom random = new SplittableRandom(16);
		String[] sections = new String[rows];
		for (int i = 0; i < rows; i++) {
			double u = random.nextDouble();
			String section = "rest";
			double bound = 0;
			for (int s = 0; s < SECTIONS.length; s++) {
				bound += SECTION_SHARES[s];
				if (u < bound) {
					section = SECTIONS[s];
					break;
				}
			}
			sections[i] = section;
		}
		return sections;
	}

	private static float[][] embed(List<ManPageCorpus.Passage> passages) {
		int threads = Runtime.getRuntime().availableProcessors();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
			float[][] vectors = new float[passages.size()][];
			long start = System.nanoTime();
			long reported = start;
			for (int from = 0; from < passages.size(); from += BATCH) {
				int to = Math.min(passages.size(), from + BATCH);
				List<TextSegment> batch = new ArrayList<>(to - from);
				for (int i = from; i < to; i++) {
					batch.add(TextSegment.from(passages.get(i).text()));
				}
				List<Embedding> embeddings = model.embedAll(batch).content();
				for (int i = from; i < to; i++) {
					vectors[i] = embeddings.get(i - from).vector();
				}
				long now = System.nanoTime();
				if (now - reported > 10e9 || to == passages.size()) {
					reported = now;
					double seconds = (now - start) / 1e9;
					System.out.printf("  embedding with all-MiniLM-L6-v2 (quantized, %d threads): %,d / %,d passages, "
							+ "%.0f /s, %.0f s left%n", threads, to, passages.size(), to / seconds,
							(passages.size() - to) / (to / seconds));
				}
			}
			return vectors;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void write(List<ManPageCorpus.Passage> passages, float[][] vectors, Path file) throws IOException {
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
			out.writeInt(vectors.length);
			out.writeInt(vectors[0].length);
			for (int i = 0; i < vectors.length; i++) {
				out.writeUTF(passages.get(i).page());
				out.writeUTF(passages.get(i).text());
				for (float x : vectors[i]) {
					out.writeFloat(x);
				}
			}
		}
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
	}

	private static float[][] read(Path file, List<ManPageCorpus.Passage> passages) throws IOException {
		try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			int n = in.readInt();
			int dims = in.readInt();
			float[][] vectors = new float[n][dims];
			for (float[] v : vectors) {
				passages.add(new ManPageCorpus.Passage(in.readUTF(), in.readUTF()));
				for (int j = 0; j < dims; j++) {
					v[j] = in.readFloat();
				}
			}
			return vectors;
		}
	}

}
