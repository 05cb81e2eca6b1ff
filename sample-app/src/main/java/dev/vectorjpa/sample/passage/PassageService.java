package dev.vectorjpa.sample.passage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vectorjpa.repository.Nearest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and searches passages of the current domain.
 */
@Service
public class PassageService {

	private final PassageRepository passages;

	public PassageService(PassageRepository passages) {
		this.passages = passages;
	}

	/** The {@code k} best passages for {@code query}: by meaning, or hybrid (meaning and words). */
	@Transactional(readOnly = true)
	public List<Nearest<Passage>> search(String query, String category, int k, boolean hybrid) {
		if (hybrid) {
			return this.passages.findHybrid(query, k);
		}
		if (category == null || category.isBlank()) {
			return this.passages.findNearest(query, k);
		}
		return this.passages.findNearestByCategory(query, category, k);
	}

	/** Stores one passage; its embedding is computed as it is saved. */
	@Transactional
	public Passage create(String title, String body, String category) {
		UUID id = UUID.randomUUID();
		return this.passages.save(new Passage(id.toString(), 0, title, category, body));
	}

	@Transactional(readOnly = true)
	public Optional<Passage> find(UUID id) {
		return this.passages.findById(id);
	}

	@Transactional
	public boolean delete(UUID id) {
		if (!this.passages.existsById(id)) {
			return false;
		}
		this.passages.deleteById(id);
		return true;
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.passages.count();
	}

	@Transactional(readOnly = true)
	public List<String> categories() {
		return this.passages.findCategories();
	}

	/** Inserts passages with binary COPY; embeddings are computed in batches on the way. */
	@Transactional
	public int bulkInsert(List<Passage> batch) {
		return this.passages.bulkInsert(batch);
	}

}
