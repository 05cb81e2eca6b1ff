package dev.vectorjpa.benchmarks.competitors;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.ScoringFunction;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.Vector;

import dev.vectorjpa.benchmarks.data.Dataset;
import dev.vectorjpa.benchmarks.jpa.SpringDataDocument;
import dev.vectorjpa.benchmarks.jpa.SpringDataDocumentRepository;
import dev.vectorjpa.benchmarks.run.Searcher;

/**
 * Spring Data JPA 4's own derived {@code searchByEmbeddingNear(Vector, Score, Limit)}: a cosine distance bound of 2
 * (the largest cosine distance) so that the bound filters nothing.
 */
public final class SpringDataJpaSearcher implements Searcher {

	private static final Score ANY_COSINE_DISTANCE = Score.of(2.0, ScoringFunction.cosine());

	private final SpringDataDocumentRepository repository;

	/** Searches through {@code repository}. */
	public SpringDataJpaSearcher(SpringDataDocumentRepository repository) {
		this.repository = repository;
	}

	@Override
	public String name() {
		return "Spring Data JPA searchBy…Near";
	}

	@Override
	public List<Integer> search(float[] query, int k) {
		List<Integer> rows = new ArrayList<>(k);
		for (SearchResult<SpringDataDocument> result : this.repository.searchByEmbeddingNear(Vector.of(query),
				ANY_COSINE_DISTANCE, Limit.of(k))) {
			rows.add(Dataset.index(result.getContent().getId()));
		}
		return rows;
	}

}
