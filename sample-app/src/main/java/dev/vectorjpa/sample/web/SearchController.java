package dev.vectorjpa.sample.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.sample.CurrentDomain;
import dev.vectorjpa.sample.passage.Passage;
import dev.vectorjpa.sample.passage.PassageService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API: store, read, delete and search passages of the domain named by the {@code X-Domain} header.
 */
@RestController
@RequestMapping("/api")
public class SearchController {

	private final PassageService passages;

	private final CurrentDomain currentDomain;

	public SearchController(PassageService passages, CurrentDomain currentDomain) {
		this.passages = passages;
		this.currentDomain = currentDomain;
	}

	/** A new document: title, body, category. */
	public record NewDocument(String title, String body, String category) {
	}

	/** A stored document. */
	public record Document(UUID id, String domain, String documentId, int chunkIndex, String title, String category,
			String body) {

		static Document of(Passage passage) {
			return new Document(passage.getId(), passage.getDomain(), passage.getDocumentId(), passage.getChunkIndex(),
					passage.getTitle(), passage.getCategory(), passage.getBody());
		}

	}

	/** One search result. */
	public record Hit(UUID id, String title, String category, double score, String body) {
	}

	@PostMapping("/documents")
	ResponseEntity<Document> create(@RequestBody(required = false) NewDocument document) {
		if (document == null) {
			throw invalid("Request body must be a JSON object {title, body, category}", Map.of());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		check(errors, "title", document.title(), 200);
		check(errors, "body", document.body(), 20_000);
		check(errors, "category", document.category(), 50);
		if (!errors.isEmpty()) {
			throw invalid("Invalid document: " + String.join(", ", errors.keySet()), errors);
		}
		Document created = Document.of(this.passages.create(document.title().trim(), document.body().trim(),
				document.category().trim()));
		return ResponseEntity.created(URI.create("/api/documents/" + created.id())).body(created);
	}

	@GetMapping("/documents/{id}")
	Document get(@PathVariable UUID id) {
		return this.passages.find(id).map(Document::of).orElseThrow(() -> notFound(id));
	}

	@DeleteMapping("/documents/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		if (!this.passages.delete(id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/search")
	List<Hit> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") String k,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "vector") String mode) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (q == null || q.isBlank()) {
			errors.put("q", "must not be blank");
		}
		else if (q.length() > 1000) {
			errors.put("q", "must be at most 1000 characters");
		}
		int count = 0;
		try {
			count = Integer.parseInt(k.trim());
			if (count < 1 || count > 100) {
				errors.put("k", "must be between 1 and 100");
			}
		}
		catch (NumberFormatException ex) {
			errors.put("k", "must be a number between 1 and 100");
		}
		if (!mode.equals("vector") && !mode.equals("hybrid")) {
			errors.put("mode", "must be vector or hybrid");
		}
		else if (mode.equals("hybrid") && category != null && !category.isBlank()) {
			errors.put("category", "is not supported with mode=hybrid");
		}
		if (!errors.isEmpty()) {
			throw invalid("Invalid search: " + String.join(", ", errors.keySet()), errors);
		}
		List<Hit> hits = new ArrayList<>();
		for (Nearest<Passage> hit : this.passages.search(q.trim(), category, count, mode.equals("hybrid"))) {
			Passage passage = hit.entity();
			hits.add(new Hit(passage.getId(), passage.getTitle(), passage.getCategory(), hit.score(),
					passage.getBody()));
		}
		return hits;
	}

	@GetMapping("/stats")
	Map<String, Object> stats() {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("domain", this.currentDomain.currentDomain().orElse(null));
		stats.put("documents", this.passages.count());
		stats.put("categories", this.passages.categories());
		return stats;
	}

	private static void check(Map<String, String> errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.put(field, "must not be blank");
		}
		else if (value.length() > max) {
			errors.put(field, "must be at most " + max + " characters");
		}
	}

	private static ErrorResponseException invalid(String detail, Map<String, String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	private static ErrorResponseException notFound(UUID id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No document " + id
				+ " in this domain");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
