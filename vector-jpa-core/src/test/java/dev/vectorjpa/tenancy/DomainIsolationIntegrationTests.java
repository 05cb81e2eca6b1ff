package dev.vectorjpa.tenancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.vectorjpa.test.DatabaseTest;
import dev.vectorjpa.test.TestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Randomized (fixed seed) interleaving of writes and every read/write method across several domains, each in a
 * transaction of its own on a 2-connection pool; after every step the whole table, read with plain JDBC, must equal
 * the model: no row of another domain is ever seen, counted, changed or deleted.
 */
@DatabaseTest
class DomainIsolationIntegrationTests {

	private static final List<String> DOMAINS = List.of("acme", "o'brien; DROP TABLE notes; --", "ümlaut \"quoted\"",
			"b\\x");

	private static final List<String> TITLES = List.of("alpha", "beta", "gamma");

	private static final int STEPS = 400;

	/** domain -> id -> title: what the table must hold. */
	private final Map<String, Map<UUID, String>> model = new HashMap<>();

	private final Map<String, Integer> operations = new TreeMap<>();

	@Test
	void noOperationSeesOrTouchesAnotherDomain(TestSchema schema) {
		Random random = new Random(20261122L);
		DOMAINS.forEach((domain) -> this.model.put(domain, new LinkedHashMap<>()));
		try (TenancyFixture fixture = new TenancyFixture(schema, Map.of())) {
			NoteRepository notes = fixture.notes;
			for (int step = 0; step < STEPS; step++) {
				String domain = DOMAINS.get(random.nextInt(DOMAINS.size()));
				Map<UUID, String> mine = this.model.get(domain);
				UUID foreign = randomForeignId(domain, random);
				String title = TITLES.get(random.nextInt(TITLES.size()));
				int operation = random.nextInt(22);
				String name;
				switch (operation) {
					case 0, 1, 2, 3 -> {
						name = "save";
						List<Note> created = new ArrayList<>();
						for (int i = random.nextInt(3); i >= 0; i--) {
							created.add(new Note(UUID.randomUUID(), TITLES.get(random.nextInt(TITLES.size()))));
						}
						fixture.run(domain, () -> notes.saveAll(created));
						created.forEach((note) -> mine.put(note.getId(), note.getTitle()));
					}
					case 4 -> {
						name = "save carrying another domain";
						String other = otherDomain(domain, random);
						assertThatException().isThrownBy(() -> fixture
							.run(domain, () -> notes.saveAndFlush(new Note(UUID.randomUUID(), other, title))));
					}
					case 5 -> {
						name = "findAll";
						assertThat(fixture.in(domain, () -> notes.findAll())).extracting(Note::getId)
							.containsExactlyInAnyOrderElementsOf(mine.keySet());
					}
					case 6 -> {
						name = "findAll(Pageable)";
						List<UUID> page = fixture.in(domain,
								() -> notes.findAll(PageRequest.of(0, 3, Sort.by("id"))).map(Note::getId).toList());
						assertThat(page).containsExactlyElementsOf(
								mine.keySet().stream().sorted(Comparator.comparing(UUID::toString)).limit(3).toList());
					}
					case 7 -> {
						name = "findById";
						if (foreign != null) {
							assertThat(fixture.in(domain, () -> notes.findById(foreign))).isEmpty();
						}
						mine.keySet().stream().findAny().ifPresent((own) -> assertThat(
								fixture.in(domain, () -> notes.findById(own))).isPresent());
					}
					case 8 -> {
						name = "existsById";
						if (foreign != null) {
							assertThat(fixture.in(domain, () -> notes.existsById(foreign))).isFalse();
						}
					}
					case 9 -> {
						name = "count";
						assertThat(fixture.in(domain, () -> notes.count())).isEqualTo(mine.size());
					}
					case 10 -> {
						name = "derived findBy/countBy";
						assertThat(fixture.in(domain, () -> notes.findByTitle(title))).extracting(Note::getId)
							.containsExactlyInAnyOrderElementsOf(ids(mine, title::equals));
						assertThat(fixture.in(domain, () -> notes.countByTitle(title)))
							.isEqualTo(ids(mine, title::equals).size());
					}
					case 11 -> {
						name = "@Query JPQL select";
						String prefix = title.substring(0, 2);
						assertThat(fixture.in(domain, () -> notes.findTitled(prefix))).extracting(Note::getId)
							.containsExactlyInAnyOrderElementsOf(ids(mine, (t) -> t.startsWith(prefix)));
					}
					case 12 -> {
						name = "update through dirty checking";
						mine.keySet().stream().findAny().ifPresent((own) -> {
							String renamed = TITLES.get(random.nextInt(TITLES.size()));
							fixture.run(domain, () -> notes.findById(own).orElseThrow().setTitle(renamed));
							mine.put(own, renamed);
						});
					}
					case 13 -> {
						name = "@Modifying JPQL update";
						String renamed = TITLES.get(random.nextInt(TITLES.size()));
						int expected = ids(mine, title::equals).size();
						assertThat(fixture.in(domain, () -> notes.retitle(title, renamed))).isEqualTo(expected);
						mine.replaceAll((id, t) -> t.equals(title) ? renamed : t);
					}
					case 14 -> {
						name = "save of another domain's id (merge)";
						if (foreign != null) {
							assertThatException().isThrownBy(() -> fixture.run(domain,
									() -> notes.saveAndFlush(new Note(foreign, "hijacked"))));
						}
					}
					case 15 -> {
						name = "deleteById";
						if (foreign != null) {
							fixture.run(domain, () -> notes.deleteById(foreign));
						}
						mine.keySet().stream().findAny().ifPresent((own) -> {
							fixture.run(domain, () -> notes.deleteById(own));
							mine.remove(own);
						});
					}
					case 16 -> {
						name = "deleteAllByIdInBatch";
						List<UUID> targets = new ArrayList<>();
						if (foreign != null) {
							targets.add(foreign);
						}
						mine.keySet().stream().findAny().ifPresent(targets::add);
						if (!targets.isEmpty()) {
							fixture.run(domain, () -> notes.deleteAllByIdInBatch(targets));
							targets.forEach(mine::remove);
						}
					}
					case 17 -> {
						name = "derived deleteBy";
						long expected = ids(mine, title::equals).size();
						assertThat(fixture.in(domain, () -> notes.deleteByTitle(title))).isEqualTo(expected);
						mine.values().removeIf(title::equals);
					}
					case 18 -> {
						name = "@Modifying JPQL delete";
						int expected = ids(mine, title::equals).size();
						assertThat(fixture.in(domain, () -> notes.deleteTitled(title))).isEqualTo(expected);
						mine.values().removeIf(title::equals);
					}
					case 19 -> {
						name = "deleteAll";
						if (random.nextInt(4) != 0) {
							continue;
						}
						fixture.run(domain, notes::deleteAll);
						mine.clear();
					}
					case 20 -> {
						name = "deleteAllInBatch";
						if (random.nextInt(4) != 0) {
							continue;
						}
						fixture.run(domain, notes::deleteAllInBatch);
						mine.clear();
					}
					default -> {
						name = "EntityManager.find";
						if (foreign != null) {
							assertThat(fixture.in(domain, () -> fixture.sharedEntityManager.find(Note.class, foreign)))
								.isNull();
						}
					}
				}
				this.operations.merge(name, 1, Integer::sum);
				assertThat(fixture.rows()).as("table after step %d (%s in %s)", step, name, domain)
					.isEqualTo(expectedRows());
			}
		}
		assertThat(this.operations).hasSize(19);
		assertThat(expectedRows()).isNotEmpty();
	}

	private Map<UUID, List<String>> expectedRows() {
		Map<UUID, List<String>> rows = new TreeMap<>();
		this.model.forEach((domain, notes) -> notes.forEach((id, title) -> rows.put(id, List.of(domain, title))));
		return rows;
	}

	private UUID randomForeignId(String domain, Random random) {
		List<UUID> foreign = this.model.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(domain))
			.flatMap((entry) -> entry.getValue().keySet().stream())
			.collect(Collectors.toList());
		return foreign.isEmpty() ? null : foreign.get(random.nextInt(foreign.size()));
	}

	private static String otherDomain(String domain, Random random) {
		List<String> others = DOMAINS.stream().filter((other) -> !other.equals(domain)).toList();
		return others.get(random.nextInt(others.size()));
	}

	private static List<UUID> ids(Map<UUID, String> notes, Predicate<String> title) {
		return notes.entrySet().stream().filter((entry) -> title.test(entry.getValue())).map(Map.Entry::getKey).toList();
	}

}
