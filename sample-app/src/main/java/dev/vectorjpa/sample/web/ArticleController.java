package dev.vectorjpa.sample.web;

import java.util.List;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import dev.vectorjpa.sample.article.Article;
import dev.vectorjpa.sample.article.ArticleService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST endpoints: {@code GET /api/articles/search?q=…[&category=…][&k=5]}, {@code GET /api/articles/hybrid?q=…},
 * {@code POST /api/articles}.
 */
@RestController
@RequestMapping("/api/articles")
public class ArticleController {

	private final ArticleService service;

	public ArticleController(ArticleService service) {
		this.service = service;
	}

	@GetMapping("/search")
	public List<Hit> search(@RequestParam("q") String question,
			@RequestParam(name = "category", required = false) String category,
			@RequestParam(name = "k", defaultValue = "5") int k) {
		return this.service.search(question, category, k).stream().map(Hit::of).toList();
	}

	@GetMapping("/hybrid")
	public List<Hit> hybrid(@RequestParam("q") String question, @RequestParam(name = "k", defaultValue = "5") int k) {
		return this.service.hybridSearch(question, k).stream().map(Hit::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public Hit add(@RequestBody NewArticle article) {
		Article saved = this.service.add(article.title(), article.category(), article.body(),
				(article.tags() != null) ? article.tags() : List.of());
		return new Hit(saved.getId(), saved.getTitle(), saved.getCategory(), 1.0);
	}

	/** A search result as JSON. */
	public record Hit(UUID id, String title, String category, double score) {

		static Hit of(Nearest<Article> nearest) {
			Article article = nearest.entity();
			return new Hit(article.getId(), article.getTitle(), article.getCategory(),
					Math.round(nearest.score() * 10_000) / 10_000.0);
		}

	}

	/** The body of {@code POST /api/articles}. */
	public record NewArticle(String title, String category, String body, List<String> tags) {
	}

}
