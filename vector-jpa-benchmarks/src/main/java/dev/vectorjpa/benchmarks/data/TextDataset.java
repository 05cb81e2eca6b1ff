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
 * frequency ({@link #SECTIONS}) drawn independently of its text. Held-out passages are the queries. The draw and the
 * embeddings are cached, so only the first run pays for the model.
 * <p>
 * {@link #vectors()} is a plain {@link Dataset} named {@value #NAME} whose categories are the sections: ground truth,
 * recall and the table loader work on it like on the other data sets.
 *
 * @param vectors the embeddings, queries and sections
 * @param pages per row, the manual page it comes from ({@code name.section})
 * @param passages per row, the passage text
 * @param corpusHash the first 12 hex digits of the SHA-256 of every selected passage (queries then rows)
 */
public record TextDataset(Dataset vectors, String[] pages, String[] passages, String corpusHash) {

	/** The data set's name (the table is {@code bench_text}). */
	public static final String NAME = "text";

	/** Section values, rarest first, and the share of rows each gets (the rest: {@code "rest"}, about 38.9 %). */
	public static final String[] SECTIONS = { "s0.1", "s1", "s10", "s50" };

	/** The shares of {@link #SECTIONS}. */
	public static final double[] SECTION_SHARES = { 0.001, 0.01, 0.10, 0.50 };

	private static final int BATCH = 128;

	private static final int DIMENSIONS = 384;

	/** The number of rows. */
	public int size() {
		return this.vectors.size();
	}

	/**
	 * The first {@code queries} passages of the draw are the queries, the next {@code rows} the rows: passages of the
	 * manual pages in {@code manDirectory} in a seeded shuffled order (so pages of every section are represented),
	 * with their embeddings. Both are cached in {@code cacheDirectory}: the draw once (the installed pages change as
	 * packages come and go, a rerun should measure the same rows; delete the files to draw again), the embeddings as
	 * they are computed, so an interrupted run resumes and a smaller scale reuses a larger one's prefix.
	 */
	public static TextDataset load(Path manDirectory, int rows, int queries, Path cacheDirectory) throws Exception {
		Files.createDirectories(cacheDirectory);
		List<ManPageCorpus.Passage> draw = draw(manDirectory, cacheDirectory.resolve("text-passages.bin"));
		int count = Math.min(rows + queries, draw.size());
		List<float[]> vectors = embeddings(draw.subList(0, count), cacheDirectory.resolve("text-minilm-l6-v2-q.f32"));
		rows = count - queries;
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		String[] pages = new String[rows];
		String[] passages = new String[rows];
		float[][] base = new float[rows][];
		float[][] q = new float[queries][];
		for (int i = 0; i < count; i++) {
			ManPageCorpus.Passage passage = draw.get(i);
			sha.update(passage.text().getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			if (i < queries) {
				q[i] = vectors.get(i);
			}
			else {
				pages[i - queries] = passage.page();
				passages[i - queries] = passage.text();
				base[i - queries] = vectors.get(i);
			}
		}
		return new TextDataset(new Dataset(NAME, Metric.COSINE, base, q, sections(rows)), pages, passages,
				HexFormat.of().formatHex(sha.digest()).substring(0, 12));
	}

	private static List<ManPageCorpus.Passage> draw(Path manDirectory, Path file) throws IOException {
		List<ManPageCorpus.Passage> draw = new ArrayList<>();
		if (Files.isReadable(file)) {
			try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
				int n = in.readInt();
				for (int i = 0; i < n; i++) {
					draw.add(new ManPageCorpus.Passage(in.readUTF(), in.readUTF()));
				}
			}
			System.out.printf("  %,d passages drawn earlier read from %s%n", draw.size(), file);
			return draw;
		}
		long start = System.nanoTime();
		draw.addAll(ManPageCorpus.read(manDirectory));
		System.out.printf("  corpus: %,d passages from the manual pages in %s (%.1f s)%n", draw.size(), manDirectory,
				(System.nanoTime() - start) / 1e9);
		java.util.Collections.shuffle(draw, new java.util.Random(15));
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
			out.writeInt(draw.size());
			for (ManPageCorpus.Passage passage : draw) {
				out.writeUTF(passage.page());
				out.writeUTF(passage.text());
			}
		}
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
		return draw;
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

	/** The embeddings of {@code passages}: those cached in {@code file}, the rest computed and appended to it. */
	private static List<float[]> embeddings(List<ManPageCorpus.Passage> passages, Path file) throws IOException {
		List<float[]> vectors = new ArrayList<>(passages.size());
		if (Files.isReadable(file)) {
			// 384 big-endian floats per passage, in draw order; a partly written last record is dropped
			try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
				long records = Files.size(file) / (4L * DIMENSIONS);
				for (long r = 0; r < records && vectors.size() < passages.size(); r++) {
					float[] v = new float[DIMENSIONS];
					for (int j = 0; j < DIMENSIONS; j++) {
						v[j] = in.readFloat();
					}
					vectors.add(v);
				}
			}
			System.out.printf("  %,d embeddings read from %s%n", vectors.size(), file);
		}
		if (vectors.size() == passages.size()) {
			return vectors;
		}
		long cached = vectors.size();
		try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(cached * 4 * DIMENSIONS);
		}
		int threads = Runtime.getRuntime().availableProcessors();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
				Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND), 1 << 16))) {
			AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
			long start = System.nanoTime();
			long reported = start;
			for (int from = vectors.size(); from < passages.size(); from += BATCH) {
				int to = Math.min(passages.size(), from + BATCH);
				List<TextSegment> batch = new ArrayList<>(to - from);
				for (int i = from; i < to; i++) {
					batch.add(TextSegment.from(passages.get(i).text()));
				}
				for (Embedding embedding : model.embedAll(batch).content()) {
					vectors.add(embedding.vector());
					for (float x : embedding.vector()) {
						out.writeFloat(x);
					}
				}
				out.flush();
				long now = System.nanoTime();
				if (now - reported > 10e9 || to == passages.size()) {
					reported = now;
					double rate = (to - cached) / ((now - start) / 1e9);
					System.out.printf("  embedding with all-MiniLM-L6-v2 (quantized, %d threads): %,d / %,d passages, "
							+ "%.0f /s, %.0f s left (cached as it goes in %s)%n", threads, to, passages.size(), rate,
							(passages.size() - to) / rate, file.getFileName());
				}
			}
			return vectors;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
