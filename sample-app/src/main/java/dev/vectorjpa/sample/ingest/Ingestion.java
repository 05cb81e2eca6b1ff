package dev.vectorjpa.sample.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.vectorjpa.sample.CurrentDomain;
import dev.vectorjpa.sample.passage.Passage;
import dev.vectorjpa.sample.passage.PassageService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads passages: the bundled corpus at first start, and directories of text/markdown files or JSONL files from the
 * command line ({@code --import=path --domain=... --category=...}), chunked with overlap, with a progress bar.
 */
public class Ingestion {

	private static final int BATCH = 32;

	private final PassageService passages;

	private final CurrentDomain currentDomain;

	private final ObjectMapper json;

	private final Chunker chunker;

	public Ingestion(PassageService passages, CurrentDomain currentDomain, ObjectMapper json, Chunker chunker) {
		this.passages = passages;
		this.currentDomain = currentDomain;
		this.json = json;
		this.chunker = chunker;
	}

	/** A passage to load and the domain it goes to. */
	record Item(String domain, Passage passage) {
	}

	/** Loads the bundled corpus (JSONL: domain, category, title, body) unless its domains hold passages already. */
	public int loadCorpus(InputStream corpus) {
		List<Item> items = new ArrayList<>();
		for (JsonNode line : readJsonLines(corpus)) {
			String title = line.get("title").asString();
			items.add(new Item(line.get("domain").asString(), new Passage("corpus:" + title, 0, title,
					line.get("category").asString(), line.get("body").asString())));
		}
		Map<String, Long> existing = new LinkedHashMap<>();
		items.forEach((item) -> existing.computeIfAbsent(item.domain(),
				(domain) -> this.currentDomain.call(domain, this.passages::count)));
		List<Item> missing = items.stream().filter((item) -> existing.get(item.domain()) == 0).toList();
		return load(missing);
	}

	/** Imports a directory of .txt/.md files or a .jsonl file (title, body, optional category) into {@code domain}. */
	public int importPath(Path path, String domain, String category) {
		List<Item> items = new ArrayList<>();
		if (Files.isDirectory(path)) {
			try (Stream<Path> files = Files.walk(path)) {
				for (Path file : files.filter(Files::isRegularFile)
					.filter((f) -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
					.sorted()
					.toList()) {
					String documentId = path.relativize(file).toString();
					chunk(items, domain, documentId, file.getFileName().toString(), category, Files.readString(file));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		else {
			try (InputStream in = Files.newInputStream(path)) {
				int line = 0;
				for (JsonNode node : readJsonLines(in)) {
					line++;
					String title = node.path("title").asString(path.getFileName() + ":" + line);
					String documentId = node.path("id").asString(path.getFileName() + ":" + line);
					chunk(items, domain, documentId, title, node.path("category").asString(category),
							node.get("body").asString());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return load(items);
	}

	private void chunk(List<Item> items, String domain, String documentId, String title, String category, String text) {
		List<String> chunks = this.chunker.chunks(text);
		for (int i = 0; i < chunks.size(); i++) {
			items.add(new Item(domain, new Passage(documentId, i, title, category, chunks.get(i))));
		}
	}

	private int load(List<Item> items) {
		if (items.isEmpty()) {
			return 0;
		}
		ProgressBar progress = new ProgressBar(System.out, items.size(), "passages embedded and stored");
		int done = 0;
		for (int from = 0; from < items.size(); from += BATCH) {
			List<Item> batch = items.subList(from, Math.min(items.size(), from + BATCH));
			Map<String, List<Passage>> byDomain = new LinkedHashMap<>();
			batch.forEach((item) -> byDomain.computeIfAbsent(item.domain(), (d) -> new ArrayList<>()).add(item.passage()));
			for (Map.Entry<String, List<Passage>> domain : byDomain.entrySet()) {
				done += this.currentDomain.call(domain.getKey(), () -> this.passages.bulkInsert(domain.getValue()));
			}
			progress.update(done);
		}
		return done;
	}

	private List<JsonNode> readJsonLines(InputStream in) {
		List<JsonNode> nodes = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					nodes.add(this.json.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return nodes;
	}

}
